package io.baseplane.saga.ops;

import io.baseplane.kernel.common.InvalidInput;
import io.baseplane.kernel.common.InvalidValueException;

/** One page of the saga list: the filter, the order, where to start and how many. */
public record SagaQuery(SagaFilter filter, SagaSort sort, SagaCursor cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The list's query parameters, checked; the bad ones are refused together, each named. */
    public static SagaQuery parse(SagaFilter.Raw filter, String sort, String cursor, String limit) {
        InvalidInput input = new InvalidInput();
        SagaFilter checkedFilter = input.check(() -> SagaFilter.parse(filter, ""));
        SagaSort order = input.check(() -> SagaSort.parse(sort));
        SagaCursor after = order == null || cursor == null || cursor.isBlank() ? null
                : input.check(() -> SagaCursor.decode(cursor, order));
        Integer checkedLimit = input.check(() -> limit(limit));
        input.throwIfAny();
        return new SagaQuery(checkedFilter, order, after, checkedLimit);
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
