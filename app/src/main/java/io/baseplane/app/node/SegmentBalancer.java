package io.baseplane.app.node;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's event processors as the deal sees them: which of them run (so that segments are dealt to this node only
 * for processors that can take them), and, after each heartbeat, giving up the segments held beyond a share (a node
 * joined, or came back), so the node they are dealt to can claim them. Axon's release keeps this node from claiming a
 * segment again for two claim intervals; {@link FairShareTokenStore} keeps it from claiming beyond its share after
 * that.
 */
final class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** An error as reported to the other nodes is cut to this length: its first line says what happened. */
    private static final int MAX_ERROR_LENGTH = 500;

    private final EventProcessingConfiguration processing;

    SegmentBalancer(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * The streaming processors running here, sorted. One that retries after an error still runs (a pooled processor
     * backing off reports an error meanwhile): dealing it out would drop its segments at every database hiccup. One
     * that stopped on an error that it will not retry is not running.
     */
    Set<String> running(Map<String, StreamingEventProcessor> others) {
        return streaming(others).entrySet().stream()
                .filter(entry -> entry.getValue().isRunning())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The first error of each processor with a segment in error here, as Axon reports it. */
    Map<String, String> errors(Map<String, StreamingEventProcessor> others) {
        Map<String, String> errors = new TreeMap<>();
        streaming(others).forEach((name, processor) -> processor.processingStatus().values().stream()
                .filter(status -> status.isErrorState() && status.getError() != null)
                .findFirst()
                .ifPresent(status -> errors.put(name, abbreviated(String.valueOf(status.getError())))));
        return errors;
    }

    void rebalance(SegmentShares shares, Map<String, StreamingEventProcessor> others) {
        streaming(others).forEach((name, processor) -> {
            if (processor.isRunning()) {
                releaseBeyondShare(name, processor, shares.shareOf(name));
            }
        });
    }

    /** The configured streaming processors, and the others this node runs (a replay's shadow processors). */
    private Map<String, StreamingEventProcessor> streaming(Map<String, StreamingEventProcessor> others) {
        Map<String, StreamingEventProcessor> streaming = new HashMap<>(others);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streamingProcessor) {
                streaming.put(name, streamingProcessor);
            }
        });
        return streaming;
    }

    private static String abbreviated(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static void releaseBeyondShare(String name, StreamingEventProcessor processor, int share) {
        // A segment in error has released its claim already and is retried by Axon; only working ones count.
        List<Integer> held = processor.processingStatus().values().stream()
                .filter(status -> !status.isErrorState())
                .map(status -> status.getSegment().getSegmentId())
                .sorted(Comparator.reverseOrder())
                .toList();
        if (held.size() <= share) {
            return;
        }
        log.info("Processor {} holds {} segments, its share is {}: releasing {}", name, held.size(), share,
                held.size() - share);
        held.stream().limit(held.size() - share).forEach(processor::releaseSegment);
    }
}
