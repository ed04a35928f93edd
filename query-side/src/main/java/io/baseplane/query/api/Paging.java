package io.baseplane.query.api;

import io.baseplane.kernel.common.InvalidInput;
import io.baseplane.kernel.common.InvalidValueException;
import org.springframework.stereotype.Component;

/** Validates {@code page} and {@code size} of list queries: page from 0, size 1 to the configured maximum. */
@Component
public class Paging {

    public static final int DEFAULT_SIZE = 50;
    private static final int MAX_PAGE = 1_000_000;

    private final QueryProperties properties;

    Paging(QueryProperties properties) {
        this.properties = properties;
    }

    /** The page and size of a list query, both checked, both named when both are bad. */
    public record Slice(int page, int size) {
    }

    public Slice of(String page, String size) {
        InvalidInput input = new InvalidInput();
        Integer checkedPage = input.check(() -> page(page));
        Integer checkedSize = input.check(() -> size(size));
        input.throwIfAny();
        return new Slice(checkedPage, checkedSize);
    }

    private static int page(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        Integer page = number(raw);
        if (page == null || page < 0 || page > MAX_PAGE) {
            throw new InvalidValueException("page", "must be a number between 0 and " + MAX_PAGE);
        }
        return page;
    }

    private int size(String raw) {
        if (raw == null || raw.isBlank()) {
            return Math.min(DEFAULT_SIZE, properties.maxPageSize());
        }
        Integer size = number(raw);
        if (size == null || size < 1 || size > properties.maxPageSize()) {
            throw new InvalidValueException("size", "must be a number between 1 and " + properties.maxPageSize());
        }
        return size;
    }

    private static Integer number(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
