package io.baseplane.projection.airtable;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.airtable.query.SyncRunView;
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

/**
 * Row of {@code sync_run_view}: one run of a sync. Runs belong to the sync aggregate, so {@code version} is
 * the sync's sequence number of the last event that changed this run.
 */
@Entity
@Table(name = "sync_run_view")
public class SyncRunEntity extends VersionedRow {

    @Id
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "sync_id", nullable = false)
    private UUID syncId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private SyncRunStatus status;

    @Column(name = "tables_total", nullable = false)
    private int tablesTotal;

    @Column(name = "pages_imported", nullable = false)
    private long pagesImported;

    @Column(name = "records_imported", nullable = false)
    private long recordsImported;

    @ElementCollection
    @CollectionTable(name = "sync_run_view_table", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<TableProgressRow> tables = new ArrayList<>();

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "discarded_records")
    private Long discardedRecords;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SyncRunEntity() {
        // for JPA
    }

    static SyncRunEntity requested(SyncRunId runId, AirtableSyncId syncId, TenantId tenantId, WorkspaceId workspaceId,
                                   List<String> tableIds, long sequence, Instant at) {
        SyncRunEntity run = new SyncRunEntity();
        run.runId = runId.value();
        run.syncId = syncId.value();
        run.tenantId = tenantId.value();
        run.workspaceId = workspaceId.value();
        run.status = SyncRunStatus.REQUESTED;
        run.tablesTotal = tableIds.size();
        tableIds.forEach(tableId -> run.tables.add(new TableProgressRow(tableId)));
        run.requestedAt = at;
        run.updatedAt = at;
        run.advanceTo(sequence);
        run.markFresh();
        return run;
    }

    void schemaFetched(List<TableSchema> schema, long sequence, Instant at) {
        for (TableSchema table : schema) {
            TableProgressRow row = table(table.tableId());
            row.schema(table.name(), table.fields() == null ? 0 : table.fields().size());
        }
        status = SyncRunStatus.SCHEMA_FETCHED;
        advance(sequence, at);
    }

    void pageImported(String tableId, int recordCount, long sequence, Instant at) {
        table(tableId).pageImported(recordCount);
        pagesImported++;
        recordsImported += recordCount;
        status = SyncRunStatus.IMPORTING;
        advance(sequence, at);
    }

    void completed(long totalRecords, long sequence, Instant at) {
        status = SyncRunStatus.COMPLETED;
        recordsImported = totalRecords;
        finishedAt = at;
        advance(sequence, at);
    }

    void failed(String reason, long sequence, Instant at) {
        status = SyncRunStatus.FAILED;
        failureReason = reason;
        failedAt = at;
        advance(sequence, at);
    }

    void compensated(long discarded, long sequence, Instant at) {
        status = SyncRunStatus.COMPENSATED;
        discardedRecords = discarded;
        finishedAt = at;
        advance(sequence, at);
    }

    /** The table's row; a table the run did not expect (impossible for a valid stream) is appended. */
    private TableProgressRow table(String tableId) {
        for (TableProgressRow row : tables) {
            if (row.tableId().equals(tableId)) {
                return row;
            }
        }
        TableProgressRow row = new TableProgressRow(tableId);
        tables.add(row);
        tablesTotal = tables.size();
        return row;
    }

    private void advance(long sequence, Instant at) {
        advanceTo(sequence);
        updatedAt = at;
    }

    SyncRunId runId() {
        return new SyncRunId(runId);
    }

    SyncRunStatus status() {
        return status;
    }

    long recordsImported() {
        return recordsImported;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    public UUID syncId() {
        return syncId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public SyncRunView toView() {
        return new SyncRunView(new SyncRunId(runId), new AirtableSyncId(syncId), status, tablesTotal, pagesImported,
                recordsImported, tables.stream().map(TableProgressRow::toView).toList(), failureReason,
                discardedRecords, requestedAt, failedAt, finishedAt, version());
    }

    @Override
    public UUID getId() {
        return runId;
    }
}
