package io.baseplane.saga.airtable;

import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.saga.airtable.client.AirtableClient;
import io.baseplane.saga.airtable.client.AirtableRecord;
import io.baseplane.saga.airtable.client.RecordPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Airtable for saga fixtures: a schema and each table's pages in memory, offsets {@code "page-N"}, and
 * failures scripted per call ({@code "schema"} or {@code "<tableId> page N"}), each time or the first times.
 */
final class InMemoryAirtable implements AirtableClient {

    private final List<TableSchema> schema = new ArrayList<>();
    private final Map<String, List<List<AirtableRecord>>> pages = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    /** Adds a table to the schema whose records come in pages of these sizes (none: one empty page). */
    InMemoryAirtable table(TableSchema table, int... pageSizes) {
        schema.add(table);
        List<List<AirtableRecord>> tablePages = new ArrayList<>();
        int n = 0;
        for (int size : pageSizes) {
            List<AirtableRecord> page = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                page.add(record(table.tableId(), ++n));
            }
            tablePages.add(page);
        }
        if (tablePages.isEmpty()) {
            tablePages.add(List.of());
        }
        pages.put(table.tableId(), tablePages);
        return this;
    }

    /** Takes a table out of the base, as if someone deleted it in Airtable. */
    void deleteTable(String tableId) {
        schema.removeIf(table -> table.tableId().equals(tableId));
        pages.remove(tableId);
    }

    /** Every call for the schema fails with {@code failure}. */
    void failSchema(RuntimeException failure) {
        failSchema(failure, Integer.MAX_VALUE);
    }

    /** The next {@code times} calls for the schema fail with {@code failure}; later ones answer. */
    void failSchema(RuntimeException failure, int times) {
        fail("schema", failure, times);
    }

    /** Every call for this page fails with {@code failure}. */
    void failPage(String tableId, int pageNumber, RuntimeException failure) {
        failPage(tableId, pageNumber, failure, Integer.MAX_VALUE);
    }

    /** The next {@code times} calls for this page fail with {@code failure}; later ones answer. */
    void failPage(String tableId, int pageNumber, RuntimeException failure, int times) {
        fail(tableId + " page " + pageNumber, failure, times);
    }

    /** Each call as "schema" or "<tableId> page N". */
    List<String> calls() {
        return List.copyOf(calls);
    }

    static AirtableRecord record(String tableId, int n) {
        return new AirtableRecord(String.format("rec%s%05d", tableId.substring(3, 12), n),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), Map.of("Name", "row " + n, "N", n));
    }

    @Override
    public List<TableSchema> listTables(String baseId, String tokenRef) {
        return answer("schema", () -> List.copyOf(schema));
    }

    @Override
    public RecordPage listRecords(String baseId, String tableId, String offset, String tokenRef) {
        int pageNumber = offset == null ? 1 : Integer.parseInt(offset.substring("page-".length()));
        return answer(tableId + " page " + pageNumber, () -> {
            List<List<AirtableRecord>> tablePages = pages.get(tableId);
            boolean last = pageNumber == tablePages.size();
            return new RecordPage(tablePages.get(pageNumber - 1), last ? null : "page-" + (pageNumber + 1));
        });
    }

    private void fail(String call, RuntimeException failure, int times) {
        failures.put(call, failure);
        failuresLeft.put(call, times);
    }

    private <T> T answer(String call, java.util.function.Supplier<T> answer) {
        calls.add(call);
        int left = failuresLeft.getOrDefault(call, 0);
        if (left > 0) {
            failuresLeft.put(call, left == Integer.MAX_VALUE ? left : left - 1);
            throw failures.get(call);
        }
        return answer.get();
    }
}
