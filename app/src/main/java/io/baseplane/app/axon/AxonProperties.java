package io.baseplane.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the event store and aggregates.
 *
 * @param snapshotThreshold events after which a long-lived aggregate is snapshotted, so that loading it
 *                          reads at most this many events
 * @param eventBatchSize    events read per query by streaming processors and aggregate loading
 * @param aggregateCacheSize aggregates kept loaded between commands, the most recently used
 */
@ConfigurationProperties("baseplane.axon")
public record AxonProperties(Integer snapshotThreshold, Integer eventBatchSize, Integer aggregateCacheSize) {

    public AxonProperties {
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        eventBatchSize = eventBatchSize == null ? 100 : eventBatchSize;
        aggregateCacheSize = aggregateCacheSize == null ? 10_000 : aggregateCacheSize;
        if (snapshotThreshold < 1 || eventBatchSize < 1 || aggregateCacheSize < 1) {
            throw new IllegalArgumentException("baseplane.axon thresholds must be positive");
        }
    }
}
