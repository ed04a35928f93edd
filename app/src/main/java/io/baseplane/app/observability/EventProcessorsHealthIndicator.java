package io.baseplane.app.observability;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readiness of the event processors: DOWN while any of them is stopped, has a segment in error (a handler
 * that keeps failing, retried with backoff), or has no tokens in the token store (removed by hand: no node
 * processes its events until the processor starts again and creates them), with the processor and segment
 * named so an operator knows where to look. A processor an operator paused, or a replay holds, is stopped on purpose:
 * {@code held}, and the node stays ready (it serves everything else). Reported as {@code eventProcessors} in the
 * readiness group.
 */
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    static final String NO_TOKENS = "no tokens in the token store: nothing processes its events until it is started again";

    static final String HELD = "held: paused by an operator or by a replay";

    /** Axon's token store table, read in one query for all processors. */
    private static final String PROCESSORS_WITH_TOKENS = "select distinct processor_name from token_entry";

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Predicate<String> held;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, JdbcTemplate jdbc, Predicate<String> held) {
        super("Event processor check failed");
        this.processing = processing;
        this.jdbc = jdbc;
        this.held = held;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> states = new LinkedHashMap<>();
        boolean healthy = true;
        Set<String> withTokens = new HashSet<>(jdbc.queryForList(PROCESSORS_WITH_TOKENS, String.class));
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String state = !processor.isRunning() && held.test(processor.getName()) ? HELD
                    : stateOf(processor, withTokens);
            states.put(processor.getName(), state);
            healthy &= state.equals("running") || state.equals(HELD);
        }
        (healthy ? builder.up() : builder.down()).withDetails(states);
    }

    private static String stateOf(EventProcessor processor, Set<String> withTokens) {
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
            // Segments this node still holds in memory are lost too: their next token update finds no row.
            if (!withTokens.contains(processor.getName())) {
                return NO_TOKENS;
            }
        }
        return "running";
    }
}
