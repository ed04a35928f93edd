package io.baseplane.kernel.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks several values of one request and refuses them together: {@link #check} each (a refused one reads as
 * null), then {@link #throwIfAny}.
 */
public final class InvalidInput {

    private final List<InvalidValueException> errors = new ArrayList<>();

    /** The value, or null when it is refused (the refusal is kept for {@link #throwIfAny}). */
    public <T> T check(Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException refused) {
            errors.addAll(refused.all());
            return null;
        }
    }

    /** Refuses every value refused so far at once, naming each. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw InvalidValueException.together(errors);
        }
    }
}
