package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * A workspace's link to an Airtable base. {@code lastRun} is null until a run is requested. Deliberately
 * without the token reference: the read side has no use for it.
 *
 * @param version sequence number of the sync's last event this view reflects
 */
public record AirtableSyncView(AirtableSyncId id, TenantId tenantId, WorkspaceId workspaceId, String baseId,
                               List<String> tableIds, boolean connected, LastSyncRun lastRun,
                               Instant createdAt, Instant updatedAt, long version) implements Versioned {

    public AirtableSyncView {
        tableIds = List.copyOf(tableIds);
    }

    /** Summary of the sync's latest run; {@code finishedAt} is set once it completed or was compensated. */
    public record LastSyncRun(SyncRunId runId, SyncRunStatus status, long recordsImported,
                              Instant requestedAt, Instant finishedAt) {
    }
}
