package io.baseplane.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A replay as the ops API shows it.
 *
 * @param from       "beginning", a global index or a timestamp, as the operator gave it
 * @param etaSeconds null while the rate is unknown
 * @param diff       for a blue-green replay once verified: do the shadow tables match the live ones
 */
record Replay(String id, String processor, String mode, JsonNode from, String status, long eventsDone,
              long eventsTotal, double eventsPerSecond, Long etaSeconds, String startedBy, String reason,
              String startedAt, String finishedAt, String failure, boolean autoSwitch, Diff diff) {

    private static final Set<String> SUCCEEDED = Set.of("READY", "SWITCHED");
    private static final Set<String> FAILED = Set.of("FAILED", "CANCELLED");

    boolean succeeded() {
        return SUCCEEDED.contains(status);
    }

    boolean failed() {
        return FAILED.contains(status);
    }

    boolean finished() {
        return succeeded() || failed();
    }

    int percent() {
        if (eventsTotal <= 0) {
            return succeeded() ? 100 : 0;
        }
        return (int) Math.min(100, Math.max(0, eventsDone * 100 / eventsTotal));
    }

    String fromText() {
        return from == null || from.isNull() ? "-" : from.asText();
    }

    record Diff(boolean empty, long rows) {
    }
}
