package io.baseplane.app.node;

import java.util.Comparator;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each heartbeat, gives up the segments this node holds beyond its share (a node joined, or came back), so the
 * node they are dealt to can claim them. Axon's release keeps this node from claiming a segment again for two claim
 * intervals; {@link FairShareTokenStore} keeps it from claiming beyond its share after that.
 */
final class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;

    SegmentBalancer(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    void rebalance(SegmentShares shares) {
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()) {
                releaseBeyondShare(entry.getKey(), processor, shares.shareOf(entry.getKey()));
            }
        }
    }

    private static void releaseBeyondShare(String name, StreamingEventProcessor processor, int share) {
        int held = processor.processingStatus().size();
        if (held <= share) {
            return;
        }
        log.info("Processor {} holds {} segments, its share is {}: releasing {}", name, held, share, held - share);
        processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .limit(held - share)
                .forEach(processor::releaseSegment);
    }
}
