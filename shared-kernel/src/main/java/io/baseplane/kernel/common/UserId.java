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

    /**
     * The id of a user about to become a member, who must be addressable as {@code …/members/{userId}}: no
     * {@code /}, {@code \}, {@code ;} or {@code %} (servers refuse them encoded, or read them as path structure)
     * and neither {@code .} nor {@code ..}. Ids already stored (and any token's subject) stay valid as they are.
     */
    public static UserId ofNewMember(String field, String raw) {
        String value = Text.requireName(field, raw, MAX_LENGTH);
        if (value.chars().anyMatch(c -> c == '/' || c == '\\' || c == ';' || c == '%') || value.equals(".")
                || value.equals("..")) {
            throw new InvalidValueException(field, "must not contain / \\ ; or % and must not be . or ..");
        }
        return new UserId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
