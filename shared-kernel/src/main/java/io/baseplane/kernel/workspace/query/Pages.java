package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.InvalidValueException;

/** The lower bounds of paging every list query keeps; upper bounds are the API's to set. */
final class Pages {

    private Pages() {
    }

    static void require(int page, int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1) {
            throw new InvalidValueException("size", "must be 1 or more");
        }
    }
}
