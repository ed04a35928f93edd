package io.baseplane.query.api;

import io.baseplane.kernel.common.InvalidValueException;
import org.springframework.stereotype.Component;

/** Validates {@code page} and {@code size} of list queries: page from 0, size 1 to the configured maximum. */
@Component
public class Paging {

    public static final int DEFAULT_SIZE = 50;

    private final QueryProperties properties;

    Paging(QueryProperties properties) {
        this.properties = properties;
    }

    public int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0 || page > 1_000_000) {
            throw new InvalidValueException("page", "must be between 0 and 1000000");
        }
        return page;
    }

    public int size(Integer size) {
        if (size == null) {
            return Math.min(DEFAULT_SIZE, properties.maxPageSize());
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidValueException("size", "must be between 1 and " + properties.maxPageSize());
        }
        return size;
    }
}
