package io.baseplane.saga.workflow;

import io.baseplane.kernel.common.Text;
import java.util.Map;

/**
 * How an execution ended: succeeded with an output, failed for good (a refusal: the step fails and the run
 * compensates), or failed for a technical reason (no answer, 5xx, 429: the saga tries again), with a reason
 * for people to read.
 */
public record StepOutcome(boolean succeeded, Map<String, String> output, String reason, boolean technical) {

    /** The run aggregate accepts reasons of at most this many characters. */
    public static final int MAX_REASON = 1000;

    public StepOutcome {
        output = output == null ? Map.of() : Map.copyOf(output);
        // Reasons quote other systems (URLs, answers): cleaned so the aggregate never refuses them.
        reason = reason == null ? null : Text.sanitized(reason, MAX_REASON);
    }

    public static StepOutcome succeeded(Map<String, String> output) {
        return new StepOutcome(true, output, null, false);
    }

    public static StepOutcome failed(String reason) {
        return new StepOutcome(false, Map.of(), reason == null || reason.isBlank() ? "failed" : reason, false);
    }

    /** The outside world did not answer usefully (yet): worth asking again. */
    public static StepOutcome unavailable(String reason) {
        return new StepOutcome(false, Map.of(), reason == null || reason.isBlank() ? "unavailable" : reason, true);
    }
}
