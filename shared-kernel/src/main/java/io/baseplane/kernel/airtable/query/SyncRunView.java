package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.common.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * One run of an Airtable sync and how far it got.
 *
 * @param tablesTotal      how many tables the run synchronises
 * @param pagesImported    pages staged so far, all tables together
 * @param recordsImported  records staged so far (the total once completed)
 * @param tables           progress per table, in the order of the sync's table ids
 * @param failureReason    why the run failed, or null
 * @param discardedRecords staged records thrown away by the compensation of a failed run, or null
 * @param failedAt         when the run failed, or null
 * @param finishedAt       when the run completed or was compensated, or null while it is under way
 * @param version          sequence number of the sync's last event that changed this run (runs are part of
 *                         the sync aggregate)
 */
public record SyncRunView(SyncRunId runId, AirtableSyncId syncId, SyncRunStatus status, int tablesTotal,
                          long pagesImported, long recordsImported, List<TableProgress> tables,
                          String failureReason, Long discardedRecords,
                          Instant requestedAt, Instant failedAt, Instant finishedAt, long version) implements Versioned {

    public SyncRunView {
        tables = List.copyOf(tables);
    }

    /**
     * Progress of one table. {@code name} and {@code fieldCount} are null until the schema was fetched.
     */
    public record TableProgress(String tableId, String name, Integer fieldCount, int pagesImported, long recordsImported) {
    }
}
