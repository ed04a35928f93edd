package io.baseplane.kernel.common;

import java.util.UUID;

/** Parsing shared by the UUID-based typed identifiers, so each one refuses bad input the same way. */
public final class Ids {

    private Ids() {
    }

    public static UUID parseUuid(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        try {
            UUID uuid = UUID.fromString(raw);
            if (!uuid.toString().equalsIgnoreCase(raw)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        return value;
    }
}
