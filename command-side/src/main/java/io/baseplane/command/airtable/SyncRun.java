package io.baseplane.command.airtable;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * State of the sync's latest run, as far as decisions need it. Changed only from the aggregate's event
 * sourcing handlers; plain fields so that snapshots serialise it with Jackson.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
final class SyncRun {

    private SyncRunId runId;
    private SyncRunStatus status;
    /** Last page number imported per table id; a table without an entry has no page yet. */
    private Map<String, Integer> lastPageByTable = new HashMap<>();
    private long stagedRecords;

    SyncRun() {
        // for Jackson (snapshots)
    }

    SyncRun(SyncRunId runId) {
        this.runId = runId;
        this.status = SyncRunStatus.REQUESTED;
    }

    SyncRunId runId() {
        return runId;
    }

    SyncRunStatus status() {
        return status;
    }

    long stagedRecords() {
        return stagedRecords;
    }

    int lastPage(String tableId) {
        return lastPageByTable.getOrDefault(tableId, 0);
    }

    boolean hasPages(String tableId) {
        return lastPageByTable.containsKey(tableId);
    }

    void moveTo(SyncRunStatus next) {
        this.status = next;
    }

    void pageImported(String tableId, int pageNumber, int recordCount) {
        lastPageByTable.put(tableId, pageNumber);
        stagedRecords += recordCount;
        status = SyncRunStatus.IMPORTING;
    }
}
