package io.baseplane.kernel.common;

import java.util.List;

/** One page of a list query, in a stable order. {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
