package io.baseplane.app.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the event processors: DOWN while any of them is stopped or has a segment in error (a handler
 * that keeps failing, retried with backoff), with the processor and segment named so an operator knows
 * where to look. Reported as {@code eventProcessors} in the readiness group.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processor check failed");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> states = new LinkedHashMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String state = stateOf(processor);
            states.put(processor.getName(), state);
            healthy &= state.equals("running");
        }
        (healthy ? builder.up() : builder.down()).withDetails(states);
    }

    private static String stateOf(EventProcessor processor) {
        if (!processor.isRunning()) {
            return "stopped";
        }
        if (processor.isError()) {
            return "error";
        }
        if (processor instanceof StreamingEventProcessor streaming) {
            for (EventTrackerStatus segment : streaming.processingStatus().values()) {
                if (segment.isErrorState()) {
                    return "error in segment " + segment.getSegment().getSegmentId();
                }
            }
        }
        return "running";
    }
}
