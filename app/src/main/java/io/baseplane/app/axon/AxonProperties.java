package io.baseplane.app.axon;

import java.lang.management.ManagementFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the event store and aggregates.
 *
 * @param snapshotThreshold events after which a long-lived aggregate is snapshotted, so that loading it
 *                          reads at most this many events
 * @param eventBatchSize    events read per query by streaming processors and aggregate loading
 * @param aggregateCacheSize aggregates kept loaded between commands, the most recently used
 * @param nodeId            this instance's name in segment claims ({@code token_entry.owner}) and deadline picks
 *                          ({@code scheduled_tasks.picked_by}); default: process id @ host name. Two instances
 *                          in one process (tests) need names of their own.
 */
@ConfigurationProperties("baseplane.axon")
public record AxonProperties(Integer snapshotThreshold, Integer eventBatchSize, Integer aggregateCacheSize,
                             String nodeId) {

    public AxonProperties {
        nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        eventBatchSize = eventBatchSize == null ? 100 : eventBatchSize;
        aggregateCacheSize = aggregateCacheSize == null ? 10_000 : aggregateCacheSize;
        if (snapshotThreshold < 1 || eventBatchSize < 1 || aggregateCacheSize < 1) {
            throw new IllegalArgumentException("baseplane.axon thresholds must be positive");
        }
    }
}
