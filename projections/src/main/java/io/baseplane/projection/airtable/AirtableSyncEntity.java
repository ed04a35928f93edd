package io.baseplane.projection.airtable;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.airtable.query.AirtableSyncView;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.VersionedRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** Row of {@code airtable_sync_view}: one sync, versioned by the sync aggregate's sequence number. */
@Entity
@Table(name = "airtable_sync_view")
public class AirtableSyncEntity extends VersionedRow {

    @Id
    @Column(name = "sync_id")
    private UUID syncId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Column(name = "base_id", nullable = false)
    private String baseId;

    @ElementCollection
    @CollectionTable(name = "airtable_sync_view_table", joinColumns = @JoinColumn(name = "sync_id"))
    @OrderColumn(name = "position")
    @Column(name = "table_id", nullable = false)
    @BatchSize(size = 100)
    private List<String> tableIds = new ArrayList<>();

    @Column(name = "connected", nullable = false)
    private boolean connected;

    @Column(name = "last_run_id")
    private UUID lastRunId;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_run_status")
    private SyncRunStatus lastRunStatus;

    @Column(name = "last_run_records")
    private Long lastRunRecords;

    @Column(name = "last_run_requested_at")
    private Instant lastRunRequestedAt;

    @Column(name = "last_run_finished_at")
    private Instant lastRunFinishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AirtableSyncEntity() {
        // for JPA
    }

    static AirtableSyncEntity connected(AirtableSyncId syncId, TenantId tenantId, WorkspaceId workspaceId, String baseId,
                                        List<String> tableIds, long sequence, Instant at) {
        AirtableSyncEntity sync = new AirtableSyncEntity();
        sync.syncId = syncId.value();
        sync.tenantId = tenantId.value();
        sync.workspaceId = workspaceId.value();
        sync.baseId = baseId;
        sync.tableIds = new ArrayList<>(tableIds);
        sync.connected = true;
        sync.createdAt = at;
        sync.updatedAt = at;
        sync.advanceTo(sequence);
        sync.markFresh();
        return sync;
    }

    void runRequested(SyncRunId runId, long sequence, Instant at) {
        lastRunId = runId.value();
        lastRunStatus = SyncRunStatus.REQUESTED;
        lastRunRecords = 0L;
        lastRunRequestedAt = at;
        lastRunFinishedAt = null;
        advance(sequence, at);
    }

    /** The latest run moved on; events of an older run (impossible in order) leave the summary alone. */
    void lastRunChanged(SyncRunId runId, SyncRunStatus status, long records, Instant finishedAt, long sequence, Instant at) {
        if (runId.value().equals(lastRunId)) {
            lastRunStatus = status;
            lastRunRecords = records;
            lastRunFinishedAt = finishedAt;
        }
        advance(sequence, at);
    }

    void disconnected(long sequence, Instant at) {
        connected = false;
        advance(sequence, at);
    }

    private void advance(long sequence, Instant at) {
        advanceTo(sequence);
        updatedAt = at;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public AirtableSyncView toView() {
        AirtableSyncView.LastSyncRun lastRun = lastRunId == null ? null : new AirtableSyncView.LastSyncRun(
                new SyncRunId(lastRunId), lastRunStatus, lastRunRecords == null ? 0 : lastRunRecords,
                lastRunRequestedAt, lastRunFinishedAt);
        return new AirtableSyncView(new AirtableSyncId(syncId), new TenantId(tenantId), new WorkspaceId(workspaceId),
                baseId, List.copyOf(tableIds), connected, lastRun, createdAt, updatedAt, version());
    }

    @Override
    public UUID getId() {
        return syncId;
    }
}
