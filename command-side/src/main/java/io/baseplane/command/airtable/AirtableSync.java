package io.baseplane.command.airtable;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.baseplane.kernel.airtable.AirtableBaseConnected;
import io.baseplane.kernel.airtable.AirtableBaseDisconnected;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.DisconnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.baseplane.command.workspace.OpenWorkspaces;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One workspace's link to one Airtable base, and the life of its runs: requested → schema fetched →
 * pages imported → completed, or failed → compensated. One run at a time; only the latest run is kept.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class AirtableSync {

    static final String RESOURCE = "airtable-sync";

    @AggregateIdentifier
    private AirtableSyncId syncId;
    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private String baseId;
    private List<String> tableIds;
    private String tokenRef;
    private boolean connected;
    private SyncRun lastRun;

    protected AirtableSync() {
        // for Axon and Jackson
    }

    @CommandHandler
    public AirtableSync(ConnectAirtableBaseCommand command, MetaData metaData, OpenWorkspaces openWorkspaces,
                        AirtableTokenGrants tokenGrants) {
        Ids.requireNonNull("tenantId", command.tenantId());
        Caller.from(metaData).requireAccessTo(command.tenantId(), RESOURCE, command.syncId());
        Ids.requireNonNull("workspaceId", command.workspaceId());
        openWorkspaces.requireOpen(command.tenantId(), command.workspaceId());
        String tokenRef = AirtableValues.tokenRef(command.tokenRef());
        requireGranted(tokenGrants, command.tenantId(), tokenRef);
        apply(new AirtableBaseConnected(command.syncId(), command.workspaceId(), command.tenantId(),
                AirtableValues.baseId(command.baseId()), AirtableValues.tableIds(command.tableIds()), tokenRef));
    }

    @CommandHandler
    public void handle(RequestSyncRunCommand command, MetaData metaData, OpenWorkspaces openWorkspaces,
                       AirtableTokenGrants tokenGrants) {
        authorize(metaData);
        SyncRunId runId = Ids.requireNonNull("runId", command.runId());
        if (!connected) {
            throw new RuleViolationException("airtable.disconnected",
                    "Airtable sync " + syncId + " is disconnected and cannot run");
        }
        openWorkspaces.requireOpen(tenantId, workspaceId);
        // Checked again: a grant may have been withdrawn since the base was connected.
        requireGranted(tokenGrants, tenantId, tokenRef);
        if (lastRun != null && lastRun.status().active()) {
            throw new RuleViolationException("airtable.run-in-progress",
                    "Run " + lastRun.runId() + " of Airtable sync " + syncId + " is still " + lastRun.status()
                            + "; wait until it ends before requesting another");
        }
        if (lastRun != null && lastRun.runId().equals(runId)) {
            throw runFinished(lastRun);
        }
        apply(new SyncRunRequested(syncId, runId, tenantId, workspaceId, baseId, tableIds, tokenRef));
    }

    @CommandHandler
    public void handle(RecordSchemaFetchedCommand command, MetaData metaData) {
        authorize(metaData);
        SyncRun run = liveRun(command.runId());
        if (run.status() != SyncRunStatus.REQUESTED) {
            throw new RuleViolationException("airtable.schema-already-fetched",
                    "Run " + run.runId() + " already has its schema (it is " + run.status() + ")");
        }
        List<TableSchema> tables = AirtableValues.schema(command.tables());
        requireSchemaOfSyncedTables(tables);
        apply(new SyncSchemaFetched(syncId, run.runId(), tenantId, workspaceId, tables));
    }

    @CommandHandler
    public void handle(RecordPageImportedCommand command, MetaData metaData) {
        authorize(metaData);
        SyncRun run = liveRun(command.runId());
        requireSchemaFetched(run);
        String tableId = AirtableValues.tableId("tableId", command.tableId());
        int pageNumber = AirtableValues.pageNumber(command.pageNumber());
        int recordCount = AirtableValues.recordCount(command.recordCount());
        if (!tableIds.contains(tableId)) {
            throw new RuleViolationException("airtable.unknown-table",
                    "Table " + tableId + " is not synchronised by Airtable sync " + syncId);
        }
        int expected = run.lastPage(tableId) + 1;
        if (pageNumber != expected) {
            throw new RuleViolationException("airtable.page-out-of-order",
                    "Page " + pageNumber + " of table " + tableId + " is out of order: page " + expected + " comes next");
        }
        apply(new SyncPageImported(syncId, run.runId(), tenantId, workspaceId, tableId, pageNumber, recordCount));
    }

    @CommandHandler
    public void handle(CompleteSyncRunCommand command, MetaData metaData) {
        authorize(metaData);
        SyncRun run = liveRun(command.runId());
        requireSchemaFetched(run);
        List<String> missing = tableIds.stream().filter(table -> !run.hasPages(table)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("airtable.import-incomplete",
                    "Run " + run.runId() + " cannot complete: no page was imported for table(s) " + String.join(", ", missing));
        }
        apply(new SyncRunCompleted(syncId, run.runId(), tenantId, workspaceId, run.stagedRecords()));
    }

    @CommandHandler
    public void handle(FailSyncRunCommand command, MetaData metaData) {
        authorize(metaData);
        SyncRun run = liveRun(command.runId());
        String reason = AirtableValues.reason(command.reason());
        apply(new SyncRunFailed(syncId, run.runId(), tenantId, workspaceId, reason));
    }

    @CommandHandler
    public void handle(MarkSyncRunCompensatedCommand command, MetaData metaData) {
        authorize(metaData);
        SyncRun run = currentRun(command.runId());
        if (run.status() != SyncRunStatus.FAILED) {
            throw new RuleViolationException("airtable.run-not-failed",
                    "Run " + run.runId() + " is " + run.status() + "; only a failed run is compensated");
        }
        apply(new SyncRunCompensated(syncId, run.runId(), tenantId, workspaceId, run.stagedRecords()));
    }

    @CommandHandler
    public void handle(DisconnectAirtableBaseCommand command, MetaData metaData) {
        authorize(metaData);
        if (!connected) {
            return;
        }
        if (lastRun != null && lastRun.status().active()) {
            throw new RuleViolationException("airtable.run-in-progress",
                    "Airtable sync " + syncId + " cannot be disconnected while run " + lastRun.runId() + " is " + lastRun.status());
        }
        apply(new AirtableBaseDisconnected(syncId, tenantId, workspaceId));
    }

    @EventSourcingHandler
    void on(AirtableBaseConnected event) {
        syncId = event.syncId();
        tenantId = event.tenantId();
        workspaceId = event.workspaceId();
        baseId = event.baseId();
        tableIds = List.copyOf(event.tableIds());
        tokenRef = event.tokenRef();
        connected = true;
    }

    @EventSourcingHandler
    void on(SyncRunRequested event) {
        lastRun = new SyncRun(event.runId());
    }

    @EventSourcingHandler
    void on(SyncSchemaFetched event) {
        lastRun.moveTo(SyncRunStatus.SCHEMA_FETCHED);
    }

    @EventSourcingHandler
    void on(SyncPageImported event) {
        lastRun.pageImported(event.tableId(), event.pageNumber(), event.recordCount());
    }

    @EventSourcingHandler
    void on(SyncRunCompleted event) {
        lastRun.moveTo(SyncRunStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(SyncRunFailed event) {
        lastRun.moveTo(SyncRunStatus.FAILED);
    }

    @EventSourcingHandler
    void on(SyncRunCompensated event) {
        lastRun.moveTo(SyncRunStatus.COMPENSATED);
    }

    @EventSourcingHandler
    void on(AirtableBaseDisconnected event) {
        connected = false;
    }

    /** The same answer whether the token does not exist or belongs to someone else: nothing is revealed. */
    private static void requireGranted(AirtableTokenGrants grants, TenantId tenantId, String tokenRef) {
        if (!grants.granted(tenantId, tokenRef)) {
            throw new RuleViolationException("airtable.token-not-granted",
                    "No Airtable token '" + tokenRef + "' is available to this tenant");
        }
    }

    private void authorize(MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, RESOURCE, syncId);
    }

    /** The latest run if {@code runId} names it, whatever its state. */
    private SyncRun currentRun(SyncRunId runId) {
        Ids.requireNonNull("runId", runId);
        if (lastRun == null || !lastRun.runId().equals(runId)) {
            throw new RuleViolationException("airtable.unknown-run",
                    "Run " + runId + " is not the current run of Airtable sync " + syncId);
        }
        if (!lastRun.status().active()) {
            throw runFinished(lastRun);
        }
        return lastRun;
    }

    /** The latest run if {@code runId} names it and it still moves forward (not failed, not finished). */
    private SyncRun liveRun(SyncRunId runId) {
        SyncRun run = currentRun(runId);
        if (run.status() == SyncRunStatus.FAILED) {
            throw new RuleViolationException("airtable.run-failed",
                    "Run " + run.runId() + " has failed; only its compensation can follow");
        }
        return run;
    }

    private void requireSchemaFetched(SyncRun run) {
        if (run.status() == SyncRunStatus.REQUESTED) {
            throw new RuleViolationException("airtable.schema-not-fetched",
                    "Run " + run.runId() + " has no schema yet; fetch it before importing records");
        }
    }

    private void requireSchemaOfSyncedTables(List<TableSchema> tables) {
        Set<String> fetched = new TreeSet<>();
        for (TableSchema table : tables) {
            if (!tableIds.contains(table.tableId())) {
                throw new RuleViolationException("airtable.schema-mismatch",
                        "The schema lists table " + table.tableId() + ", which Airtable sync " + syncId + " does not synchronise");
            }
            if (!fetched.add(table.tableId())) {
                throw new RuleViolationException("airtable.schema-mismatch", "The schema lists table " + table.tableId() + " twice");
            }
        }
        if (fetched.size() != tableIds.size()) {
            Set<String> missing = new TreeSet<>(tableIds);
            missing.removeAll(fetched);
            throw new RuleViolationException("airtable.schema-mismatch",
                    "The schema lacks synchronised table(s) " + String.join(", ", missing));
        }
    }

    private static RuleViolationException runFinished(SyncRun run) {
        return new RuleViolationException("airtable.run-finished",
                "Run " + run.runId() + " is already " + run.status() + " and accepts no further changes");
    }
}
