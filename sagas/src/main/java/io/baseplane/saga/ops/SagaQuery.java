package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidValueException;

/** One page of the saga list: the filter, the order, where to start and how many. */
public record SagaQuery(SagaFilter filter, SagaSort sort, SagaCursor cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The list's query parameters, checked; a bad one is refused naming it. */
    public static SagaQuery parse(SagaFilter.Raw filter, String sort, String cursor, String limit) {
        SagaSort order = SagaSort.parse(sort);
        return new SagaQuery(SagaFilter.parse(filter, ""), order,
                cursor == null || cursor.isBlank() ? null : SagaCursor.decode(cursor, order), limit(limit));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new InvalidValueException("limit", "must be a number between 1 and " + MAX_LIMIT);
    }
}
