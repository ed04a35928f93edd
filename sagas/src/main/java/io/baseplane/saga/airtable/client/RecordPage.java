package io.baseplane.saga.airtable.client;

import java.util.List;
import java.util.Optional;

/**
 * One page of a table's records (at most 100) and the {@code offset} to ask for the next page with;
 * {@code offset} is null on the last page.
 */
public record RecordPage(List<AirtableRecord> records, String offset) {

    public RecordPage {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public boolean last() {
        return offset == null;
    }

    public Optional<String> nextOffset() {
        return Optional.ofNullable(offset);
    }
}
