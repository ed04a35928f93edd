package io.baseplane.app.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.airtable.AirtableBaseConnected;
import io.baseplane.kernel.airtable.AirtableBaseDisconnected;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncRunStatus;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.airtable.query.AirtableSyncView;
import io.baseplane.kernel.airtable.query.SyncRunView;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.airtable.AirtableSyncEntity;
import io.baseplane.projection.airtable.AirtableSyncProjector;
import io.baseplane.projection.airtable.AirtableSyncViewRepository;
import io.baseplane.projection.airtable.SyncRunEntity;
import io.baseplane.projection.airtable.SyncRunViewRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Airtable projector, one event type at a time, called directly inside read-model transactions with
 * hand-built events, sequence numbers and timestamps: each event's effect, the same event twice leaving the
 * same row, and an older event after a newer one being ignored.
 */
class AirtableSyncProjectorTest extends PlatformTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String BASE = "appAAAAAAAAAAAAAA";
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";
    private static final String PEOPLE = "tblPPPPPPPPPPPPPP";

    @Autowired
    private AirtableSyncProjector projector;

    @Autowired
    private AirtableSyncViewRepository syncs;

    @Autowired
    private SyncRunViewRepository runs;

    @Autowired
    @Qualifier("readModelTransactionManager")
    private PlatformTransactionManager readModels;

    private TransactionTemplate transaction;
    private final AirtableSyncId syncId = AirtableSyncId.random();
    private final SyncRunId runId = SyncRunId.random();
    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final AirtableSyncId batchSync = AirtableSyncId.random();
    private final SyncRunId batchRun = SyncRunId.random();

    @BeforeEach
    void transactions() {
        transaction = new TransactionTemplate(readModels);
    }

    /** Hand-built rows have no events behind them; a later replay of the group must not miss them. */
    @AfterEach
    void removeHandBuiltRows() {
        transaction.executeWithoutResult(status -> {
            runs.deleteAllById(List.of(runId.value(), batchRun.value()));
            syncs.deleteAllById(List.of(syncId.value(), batchSync.value()));
        });
    }

    // ---- AirtableBaseConnected ----------------------------------------------------------------------

    @Test
    void aConnectedBaseBecomesASyncAtTheEventsSequenceNumberAndTime() {
        apply(() -> projector.on(connected(), 0, T0));

        AirtableSyncView sync = sync();
        assertThat(sync.id()).isEqualTo(syncId);
        assertThat(sync.tenantId()).isEqualTo(tenantId);
        assertThat(sync.workspaceId()).isEqualTo(workspaceId);
        assertThat(sync.baseId()).isEqualTo(BASE);
        assertThat(sync.tableIds()).containsExactly(ORDERS, PEOPLE);
        assertThat(sync.connected()).isTrue();
        assertThat(sync.lastRun()).isNull();
        assertThat(sync.createdAt()).isEqualTo(T0);
        assertThat(sync.updatedAt()).isEqualTo(T0);
        assertThat(sync.version()).isZero();
    }

    @Test
    void aConnectionReplayedLeavesTheSameRow() {
        apply(() -> projector.on(connected(), 0, T0));
        AirtableSyncView before = sync();

        apply(() -> projector.on(connected(), 0, T0.plusSeconds(60)));

        assertThat(sync()).isEqualTo(before);
    }

    // ---- SyncRunRequested ---------------------------------------------------------------------------

    @Test
    void aRequestedRunAppearsWithEveryTablePendingAndBecomesTheSyncsLastRun() {
        apply(() -> projector.on(connected(), 0, T0));

        apply(() -> projector.on(requested(), 1, at(1)));

        SyncRunView run = run();
        assertThat(run.runId()).isEqualTo(runId);
        assertThat(run.syncId()).isEqualTo(syncId);
        assertThat(run.status()).isEqualTo(SyncRunStatus.REQUESTED);
        assertThat(run.tablesTotal()).isEqualTo(2);
        assertThat(run.tables()).containsExactly(
                new SyncRunView.TableProgress(ORDERS, null, null, 0, 0),
                new SyncRunView.TableProgress(PEOPLE, null, null, 0, 0));
        assertThat(run.pagesImported()).isZero();
        assertThat(run.recordsImported()).isZero();
        assertThat(run.requestedAt()).isEqualTo(at(1));
        assertThat(run.finishedAt()).isNull();
        assertThat(run.version()).isEqualTo(1);
        AirtableSyncView sync = sync();
        assertThat(sync.lastRun()).isEqualTo(new AirtableSyncView.LastSyncRun(runId, SyncRunStatus.REQUESTED, 0, at(1), null));
        assertThat(sync.updatedAt()).isEqualTo(at(1));
        assertThat(sync.version()).isEqualTo(1);
    }

    @Test
    void aRunRequestReplayedLeavesBothRowsAsTheyWere() {
        apply(() -> projector.on(connected(), 0, T0));
        apply(() -> projector.on(requested(), 1, at(1)));
        AirtableSyncView sync = sync();
        SyncRunView run = run();

        apply(() -> projector.on(requested(), 1, at(9)));

        assertThat(sync()).isEqualTo(sync);
        assertThat(run()).isEqualTo(run);
    }

    // ---- SyncSchemaFetched --------------------------------------------------------------------------

    @Test
    void aFetchedSchemaNamesTheTablesAndCountsTheirFields() {
        startRun();

        apply(() -> projector.on(schemaFetched(), 2, at(2)));

        SyncRunView run = run();
        assertThat(run.status()).isEqualTo(SyncRunStatus.SCHEMA_FETCHED);
        assertThat(run.tables()).containsExactly(
                new SyncRunView.TableProgress(ORDERS, "Orders", 2, 0, 0),
                new SyncRunView.TableProgress(PEOPLE, "People", 1, 0, 0));
        assertThat(run.version()).isEqualTo(2);
        assertThat(sync().lastRun().status()).isEqualTo(SyncRunStatus.SCHEMA_FETCHED);
        assertThat(sync().version()).isEqualTo(2);
    }

    @Test
    void aSchemaReplayedOrTheRequestAfterItChangesNothing() {
        startRun();
        apply(() -> projector.on(schemaFetched(), 2, at(2)));
        SyncRunView run = run();
        AirtableSyncView sync = sync();

        apply(() -> projector.on(schemaFetched(), 2, at(8)));
        apply(() -> projector.on(requested(), 1, at(9)));

        assertThat(run()).isEqualTo(run);
        assertThat(sync()).isEqualTo(sync);
    }

    // ---- SyncPageImported ---------------------------------------------------------------------------

    @Test
    void importedPagesAddUpPerTableAndForTheRun() {
        startRun();
        apply(() -> projector.on(schemaFetched(), 2, at(2)));

        apply(() -> projector.on(page(ORDERS, 1, 100), 3, at(3)));
        apply(() -> projector.on(page(ORDERS, 2, 40), 4, at(4)));
        apply(() -> projector.on(page(PEOPLE, 1, 7), 5, at(5)));

        SyncRunView run = run();
        assertThat(run.status()).isEqualTo(SyncRunStatus.IMPORTING);
        assertThat(run.tables()).containsExactly(
                new SyncRunView.TableProgress(ORDERS, "Orders", 2, 2, 140),
                new SyncRunView.TableProgress(PEOPLE, "People", 1, 1, 7));
        assertThat(run.pagesImported()).isEqualTo(3);
        assertThat(run.recordsImported()).isEqualTo(147);
        assertThat(run.version()).isEqualTo(5);
        assertThat(sync().lastRun().recordsImported()).isEqualTo(147);
        assertThat(sync().lastRun().status()).isEqualTo(SyncRunStatus.IMPORTING);
    }

    @Test
    void aPageDeliveredTwiceIsCountedOnceAndAnOlderPageAfterANewerOneIsIgnored() {
        startRun();
        apply(() -> projector.on(schemaFetched(), 2, at(2)));
        apply(() -> projector.on(page(ORDERS, 1, 100), 3, at(3)));
        apply(() -> projector.on(page(ORDERS, 2, 40), 4, at(4)));
        SyncRunView run = run();

        apply(() -> projector.on(page(ORDERS, 2, 40), 4, at(4)));
        apply(() -> projector.on(page(ORDERS, 1, 100), 3, at(3)));

        assertThat(run()).isEqualTo(run);
        assertThat(run().recordsImported()).isEqualTo(140);
    }

    // ---- SyncRunCompleted ---------------------------------------------------------------------------

    @Test
    void aCompletedRunIsFinishedWithItsTotalAndSoIsTheSyncsSummary() {
        importSomePages();

        apply(() -> projector.on(completed(107), 5, at(5)));

        SyncRunView run = run();
        assertThat(run.status()).isEqualTo(SyncRunStatus.COMPLETED);
        assertThat(run.recordsImported()).isEqualTo(107);
        assertThat(run.finishedAt()).isEqualTo(at(5));
        assertThat(run.failureReason()).isNull();
        assertThat(run.version()).isEqualTo(5);
        assertThat(sync().lastRun()).isEqualTo(new AirtableSyncView.LastSyncRun(runId, SyncRunStatus.COMPLETED, 107, at(1), at(5)));
        assertThat(sync().version()).isEqualTo(5);
    }

    @Test
    void aCompletionReplayedOrAPageArrivingAfterItChangesNothing() {
        importSomePages();
        apply(() -> projector.on(completed(107), 5, at(5)));
        SyncRunView run = run();
        AirtableSyncView sync = sync();

        apply(() -> projector.on(completed(107), 5, at(7)));
        apply(() -> projector.on(page(PEOPLE, 1, 7), 4, at(4)));

        assertThat(run()).isEqualTo(run);
        assertThat(sync()).isEqualTo(sync);
    }

    // ---- SyncRunFailed ------------------------------------------------------------------------------

    @Test
    void aFailedRunKeepsItsReasonAndIsNotFinishedYet() {
        importSomePages();

        apply(() -> projector.on(failed("Airtable answered 503 five times"), 5, at(5)));

        SyncRunView run = run();
        assertThat(run.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("Airtable answered 503 five times");
        assertThat(run.failedAt()).isEqualTo(at(5));
        assertThat(run.finishedAt()).isNull();
        assertThat(run.recordsImported()).isEqualTo(107);
        assertThat(sync().lastRun().status()).isEqualTo(SyncRunStatus.FAILED);
    }

    @Test
    void aFailureReplayedOrAnOlderPageAfterItChangesNothing() {
        importSomePages();
        apply(() -> projector.on(failed("timeout"), 5, at(5)));
        SyncRunView run = run();
        AirtableSyncView sync = sync();

        apply(() -> projector.on(failed("timeout"), 5, at(6)));
        apply(() -> projector.on(page(PEOPLE, 1, 7), 4, at(4)));

        assertThat(run()).isEqualTo(run);
        assertThat(sync()).isEqualTo(sync);
    }

    // ---- SyncRunCompensated -------------------------------------------------------------------------

    @Test
    void aCompensatedRunIsFinishedWithTheRecordsItDiscarded() {
        importSomePages();
        apply(() -> projector.on(failed("timeout"), 5, at(5)));

        apply(() -> projector.on(compensated(107), 6, at(6)));

        SyncRunView run = run();
        assertThat(run.status()).isEqualTo(SyncRunStatus.COMPENSATED);
        assertThat(run.discardedRecords()).isEqualTo(107);
        assertThat(run.failureReason()).isEqualTo("timeout");
        assertThat(run.failedAt()).isEqualTo(at(5));
        assertThat(run.finishedAt()).isEqualTo(at(6));
        assertThat(run.version()).isEqualTo(6);
        assertThat(sync().lastRun()).isEqualTo(new AirtableSyncView.LastSyncRun(runId, SyncRunStatus.COMPENSATED, 107, at(1), at(6)));
    }

    @Test
    void aCompensationReplayedOrTheFailureAfterItChangesNothing() {
        importSomePages();
        apply(() -> projector.on(failed("timeout"), 5, at(5)));
        apply(() -> projector.on(compensated(107), 6, at(6)));
        SyncRunView run = run();
        AirtableSyncView sync = sync();

        apply(() -> projector.on(compensated(107), 6, at(9)));
        apply(() -> projector.on(failed("timeout"), 5, at(5)));

        assertThat(run()).isEqualTo(run);
        assertThat(sync()).isEqualTo(sync);
        assertThat(run().status()).isEqualTo(SyncRunStatus.COMPENSATED);
    }

    // ---- AirtableBaseDisconnected -------------------------------------------------------------------

    @Test
    void aDisconnectedBaseIsNoLongerConnectedAndKeepsItsLastRun() {
        importSomePages();
        apply(() -> projector.on(completed(107), 5, at(5)));

        apply(() -> projector.on(new AirtableBaseDisconnected(syncId, tenantId, workspaceId), 6, at(6)));

        AirtableSyncView sync = sync();
        assertThat(sync.connected()).isFalse();
        assertThat(sync.version()).isEqualTo(6);
        assertThat(sync.updatedAt()).isEqualTo(at(6));
        assertThat(sync.lastRun().status()).isEqualTo(SyncRunStatus.COMPLETED);
        assertThat(run().version()).isEqualTo(5);
    }

    @Test
    void aDisconnectionReplayedOrTheConnectionAfterItChangesNothing() {
        apply(() -> projector.on(connected(), 0, T0));
        apply(() -> projector.on(new AirtableBaseDisconnected(syncId, tenantId, workspaceId), 1, at(1)));
        AirtableSyncView sync = sync();

        apply(() -> projector.on(new AirtableBaseDisconnected(syncId, tenantId, workspaceId), 1, at(2)));
        apply(() -> projector.on(connected(), 0, T0));

        assertThat(sync()).isEqualTo(sync);
        assertThat(sync().connected()).isFalse();
    }

    // ---- one processor batch ------------------------------------------------------------------------

    @Test
    void aWholeRunInOneTransactionGivesTheSameRowsAsEventByEvent() {
        importSomePages();
        apply(() -> projector.on(completed(107), 5, at(5)));

        apply(() -> {
            projector.on(new AirtableBaseConnected(batchSync, workspaceId, tenantId, BASE, List.of(ORDERS, PEOPLE), "vault:airtable/main"), 0, T0);
            projector.on(new SyncRunRequested(batchSync, batchRun, tenantId, workspaceId, BASE, List.of(ORDERS, PEOPLE), "vault:airtable/main"), 1, at(1));
            projector.on(new SyncSchemaFetched(batchSync, batchRun, tenantId, workspaceId, schema()), 2, at(2));
            projector.on(new SyncPageImported(batchSync, batchRun, tenantId, workspaceId, ORDERS, 1, 100), 3, at(3));
            projector.on(new SyncPageImported(batchSync, batchRun, tenantId, workspaceId, PEOPLE, 1, 7), 4, at(4));
            projector.on(new SyncRunCompleted(batchSync, batchRun, tenantId, workspaceId, 107), 5, at(5));
        });

        AirtableSyncView batched = sync(batchSync);
        AirtableSyncView single = sync();
        assertThat(batched).usingRecursiveComparison().ignoringFields("id", "lastRun.runId").isEqualTo(single);
        assertThat(run(batchRun)).usingRecursiveComparison().ignoringFields("runId", "syncId").isEqualTo(run());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void startRun() {
        apply(() -> projector.on(connected(), 0, T0));
        apply(() -> projector.on(requested(), 1, at(1)));
    }

    /** Connected (0), requested (1), schema (2), Orders page 1 with 100 (3), People page 1 with 7 (4). */
    private void importSomePages() {
        startRun();
        apply(() -> projector.on(schemaFetched(), 2, at(2)));
        apply(() -> projector.on(page(ORDERS, 1, 100), 3, at(3)));
        apply(() -> projector.on(page(PEOPLE, 1, 7), 4, at(4)));
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private AirtableBaseConnected connected() {
        return new AirtableBaseConnected(syncId, workspaceId, tenantId, BASE, List.of(ORDERS, PEOPLE), "vault:airtable/main");
    }

    private SyncRunRequested requested() {
        return new SyncRunRequested(syncId, runId, tenantId, workspaceId, BASE, List.of(ORDERS, PEOPLE), "vault:airtable/main");
    }

    private SyncSchemaFetched schemaFetched() {
        return new SyncSchemaFetched(syncId, runId, tenantId, workspaceId, schema());
    }

    private static List<TableSchema> schema() {
        return List.of(
                new TableSchema(ORDERS, "Orders", List.of(
                        new FieldSchema("fldAAAAAAAAAAAAAA", "Number", "autoNumber"),
                        new FieldSchema("fldBBBBBBBBBBBBBB", "Total", "currency"))),
                new TableSchema(PEOPLE, "People", List.of(
                        new FieldSchema("fldCCCCCCCCCCCCCC", "Name", "singleLineText"))));
    }

    private SyncPageImported page(String table, int number, int records) {
        return new SyncPageImported(syncId, runId, tenantId, workspaceId, table, number, records);
    }

    private SyncRunCompleted completed(long total) {
        return new SyncRunCompleted(syncId, runId, tenantId, workspaceId, total);
    }

    private SyncRunFailed failed(String reason) {
        return new SyncRunFailed(syncId, runId, tenantId, workspaceId, reason);
    }

    private SyncRunCompensated compensated(long discarded) {
        return new SyncRunCompensated(syncId, runId, tenantId, workspaceId, discarded);
    }

    private void apply(Runnable handlers) {
        transaction.executeWithoutResult(status -> handlers.run());
    }

    private AirtableSyncView sync() {
        return sync(syncId);
    }

    private AirtableSyncView sync(AirtableSyncId id) {
        return transaction.execute(status -> syncs.findById(id.value()).map(AirtableSyncEntity::toView).orElseThrow());
    }

    private SyncRunView run() {
        return run(runId);
    }

    private SyncRunView run(SyncRunId id) {
        return transaction.execute(status -> runs.findById(id.value()).map(SyncRunEntity::toView).orElseThrow());
    }
}
