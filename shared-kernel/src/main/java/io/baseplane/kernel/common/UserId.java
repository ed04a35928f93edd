package io.baseplane.kernel.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user, as named by the {@code sub} claim of the identity provider's tokens. */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        value = Text.requireName("userId", value, MAX_LENGTH);
    }

    @JsonCreator
    public static UserId of(String raw) {
        return new UserId(raw);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
