package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidValueException;
import java.util.Locale;

/** Orders of the saga list; each pages by its column and then the saga id, so the order is total. */
public enum SagaSort {
    /** Longest without progress first: where operators look first. */
    STALEST,
    /** Most recently started first. */
    NEWEST;

    static SagaSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return STALEST;
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("sort", "must be stalest or newest");
        }
    }
}
