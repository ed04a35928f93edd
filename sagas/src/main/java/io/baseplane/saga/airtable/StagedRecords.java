package io.baseplane.saga.airtable;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.saga.airtable.client.AirtableRecord;
import java.util.List;

/**
 * Where a run's records wait until the run ends. Implementations join the caller's transaction, so a page
 * is staged together with the saga step that fetched it, and the swap in {@link #publish} is all or nothing.
 */
public interface StagedRecords {

    /** Stages one page of a table; a record staged before for the same run and table is overwritten. */
    void stage(AirtableSyncId syncId, SyncRunId runId, String tableId, List<AirtableRecord> records);

    /**
     * Makes the run's staged records the sync's visible ones: the sync's previously visible records are
     * removed, the run's are inserted and its staging rows dropped. Returns how many records are visible now.
     */
    long publish(AirtableSyncId syncId, SyncRunId runId);

    /** Drops the run's staging rows (the compensation of a failed run); returns how many there were. */
    long discard(SyncRunId runId);
}
