package io.baseplane.saga.airtable.client;

import io.baseplane.kernel.airtable.TableSchema;
import java.time.Duration;
import java.util.List;

/** What the synchronisation saga needs from Airtable. Failures are {@link AirtableException}s. */
public interface AirtableClient {

    /** Airtable's page size: records come at most this many a page. */
    int PAGE_SIZE = 100;

    /** The tables of a base with their fields ({@code GET /v0/meta/bases/{baseId}/tables}). */
    List<TableSchema> listTables(String baseId, String tokenRef);

    /**
     * One page of a table's records ({@code GET /v0/{baseId}/{tableId}?pageSize=100&offset=…}); pass null
     * for the first page and the previous page's {@link RecordPage#offset()} for the next.
     */
    RecordPage listRecords(String baseId, String tableId, String offset, String tokenRef);

    /** The longest one call may take, its own retries and rate-limit waits included. */
    default Duration longestCall() {
        return Duration.ofMinutes(5);
    }
}
