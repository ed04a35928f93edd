package io.baseplane.saga.ops;

import java.util.List;

/** A page of the saga list; {@code nextCursor} is null on the last page. */
public record SagaPage(List<SagaSummary> items, String nextCursor) {

    public SagaPage {
        items = List.copyOf(items);
    }
}
