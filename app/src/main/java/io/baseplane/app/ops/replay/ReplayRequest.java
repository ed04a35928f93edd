package io.baseplane.app.ops.replay;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator asks for when starting a replay, as the API takes it.
 *
 * @param from       {@code "beginning"} (the default), a global index (the first event to handle again) or an
 *                   ISO-8601 timestamp (the events stored from then on)
 * @param mode       {@code "in-place"} (the default) or {@code "blue-green"}
 * @param autoSwitch blue-green only: switch without asking when the diff is empty
 */
public record ReplayRequest(String processor, Object from, String mode, String reason, Boolean autoSwitch) {

    static final String BEGINNING = "beginning";
    static final int MAX_REASON_LENGTH = 500;

    /** Where a replay starts, as asked: from the first event, from a global index, or from a time. */
    sealed interface From {
        String requested();
    }

    record FromBeginning() implements From {
        public String requested() {
            return BEGINNING;
        }
    }

    record FromIndex(long index) implements From {
        public String requested() {
            return Long.toString(index);
        }
    }

    record FromTime(Instant time) implements From {
        public String requested() {
            return time.toString();
        }
    }

    /** The request checked field by field; every error is reported at once. */
    record Checked(String processor, From from, Replay.Mode mode, String reason, boolean autoSwitch) {
    }

    Checked check() {
        List<InvalidValueException> errors = new ArrayList<>();
        if (processor == null || processor.isBlank()) {
            errors.add(new InvalidValueException("processor", "is required"));
        }
        From start = parseFrom(errors);
        Replay.Mode replayMode = parseMode(errors);
        String why = null;
        try {
            why = Text.requireText("reason", reason, MAX_REASON_LENGTH);
        } catch (InvalidValueException e) {
            errors.add(e);
        }
        boolean switchWhenEqual = Boolean.TRUE.equals(autoSwitch);
        if (replayMode == Replay.Mode.BLUE_GREEN && start != null && !(start instanceof FromBeginning)) {
            errors.add(new InvalidValueException("from", "a blue-green rebuild builds the view from the first event:"
                    + " only \"beginning\""));
        }
        if (replayMode == Replay.Mode.IN_PLACE && switchWhenEqual) {
            errors.add(new InvalidValueException("autoSwitch", "only a blue-green rebuild switches"));
        }
        if (!errors.isEmpty()) {
            throw InvalidValueException.together(errors);
        }
        return new Checked(processor, start, replayMode, why, switchWhenEqual);
    }

    private From parseFrom(List<InvalidValueException> errors) {
        if (from == null || BEGINNING.equals(from)) {
            return new FromBeginning();
        }
        if (from instanceof Number number && (number instanceof Integer || number instanceof Long)
                && number.longValue() >= 0) {
            return new FromIndex(number.longValue());
        }
        if (from instanceof String text) {
            try {
                return new FromTime(Instant.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new InvalidValueException("from",
                "must be \"beginning\", a global index (0 or more) or an ISO-8601 timestamp such as"
                        + " 2026-12-01T00:00:00Z"));
        return null;
    }

    private Replay.Mode parseMode(List<InvalidValueException> errors) {
        if (mode == null) {
            return Replay.Mode.IN_PLACE;
        }
        for (Replay.Mode candidate : Replay.Mode.values()) {
            if (candidate.wire().equals(mode)) {
                return candidate;
            }
        }
        errors.add(new InvalidValueException("mode", "must be \"in-place\" or \"blue-green\""));
        return null;
    }
}
