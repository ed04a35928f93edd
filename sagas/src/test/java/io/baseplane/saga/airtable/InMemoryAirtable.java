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
 * failures scripted per call ({@code "schema"} or {@code "<tableId> page N"}).
 */
final class InMemoryAirtable implements AirtableClient {

    private final List<TableSchema> schema = new ArrayList<>();
    private final Map<String, List<List<AirtableRecord>>> pages = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
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

    void failSchema(RuntimeException failure) {
        failures.put("schema", failure);
    }

    void failPage(String tableId, int pageNumber, RuntimeException failure) {
        failures.put(tableId + " page " + pageNumber, failure);
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

    private <T> T answer(String call, java.util.function.Supplier<T> answer) {
        calls.add(call);
        RuntimeException failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
        return answer.get();
    }
}
