package io.baseplane.saga.airtable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.saga.airtable.client.AirtableClient;
import io.baseplane.saga.common.CallOutcome;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.common.SupervisedSaga;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs one Airtable synchronisation: fetch the schema of the synced tables, then import their records page
 * by page, one saga step per page (the Airtable offset of the next page is saga state, so a crash resumes
 * at the page that was not recorded yet), then complete. Pages are staged in {@link StagedRecords} with
 * their step and become the sync's visible records only when the run completes. A run that fails for good
 * is failed on the aggregate with the reason; its {@link SyncRunFailed} discards the staged records and
 * marks the run compensated.
 *
 * <p>Calls to Airtable run off the processor's thread ({@link #callOutside}): a slow base holds up only its own
 * run, and the client's rate-limit waits and backoffs sleep on a thread of the outside-call pool. Their answers
 * come back to {@link #called}. Commands are sent with {@code sendAndWait}, so that the handler itself decides
 * what follows a refusal, within its own unit of work: on the local command bus the command's events, the staged
 * page and the saga's state commit in one transaction. A technical failure (Airtable unavailable, the database)
 * is retried and then parked, never compensated ({@link SupervisedSaga}).
 *
 * <p>The token reference is saga state (the client needs it for each call) but never appears in a log line
 * or a failure reason.
 */
@Saga
public class AirtableSyncRunSaga extends SupervisedSaga {

    public static final String SAGA_TYPE = "AirtableSyncRun";
    static final String FETCH_SCHEMA = "fetch schema";
    static final String COMPLETE = "complete run";
    static final String PUBLISH = "publish records";
    static final String DISCARD = "discard staged records";
    /** Failure reasons end up in events and views, which allow 1000 characters. */
    static final int MAX_REASON = 1000;

    private static final Logger log = LoggerFactory.getLogger(AirtableSyncRunSaga.class);

    @Autowired
    @JsonIgnore
    private transient AirtableClient airtable;
    @Autowired
    @JsonIgnore
    private transient StagedRecords stagedRecords;

    private AirtableSyncId syncId;
    private SyncRunId runId;
    private TenantId tenantId;
    private String baseId;
    private List<String> tableIds;
    private String tokenRef;
    /** The table being imported, as an index into {@link #tableIds}. */
    private int tableIndex;
    /** The page of that table being imported, from 1. */
    private int pageNumber;
    /** Airtable's offset to fetch {@link #pageNumber} with; null for a table's first page. */
    private String offset;
    /** The offset Airtable returned with the page just staged; null when it was the table's last page. */
    private String nextOffset;
    /** True once this saga asked for the run to fail, so the failure's journal entries are not written twice. */
    private boolean failing;

    @StartSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncRunRequested event) {
        syncId = event.syncId();
        runId = event.runId();
        tenantId = event.tenantId();
        baseId = event.baseId();
        tableIds = List.copyOf(event.tableIds());
        tokenRef = event.tokenRef();
        journal().started(FETCH_SCHEMA);
        fetchSchema();
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncSchemaFetched event) {
        journal().succeeded(FETCH_SCHEMA);
        tableIndex = 0;
        startTable();
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncPageImported event) {
        if (!event.tableId().equals(currentTable()) || event.pageNumber() != pageNumber) {
            return; // not the page this saga waits for (a redelivery)
        }
        journal().succeeded(pageStep());
        if (nextOffset != null) {
            pageNumber++;
            offset = nextOffset;
            importPage();
        } else if (tableIndex + 1 < tableIds.size()) {
            tableIndex++;
            startTable();
        } else {
            complete();
        }
    }

    /**
     * Only reached when the run was completed by someone else while this saga still waited; its own
     * completion publishes and ends the saga in the same handler (see {@link #complete()}).
     */
    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncRunCompleted event) {
        publish();
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncRunFailed event) {
        abandonCall();
        if (!failing) {
            // Failed from outside this saga (an operator, another node): its timeline still shows why.
            journal().compensating(DISCARD, event.reason());
        }
        long discarded = stagedRecords.discard(runId);
        log.info("Airtable sync {} run {} failed; {} staged records discarded", syncId, runId, discarded);
        try {
            commandGateway.sendAndWait(new MarkSyncRunCompensatedCommand(syncId, runId));
        } catch (DomainException e) {
            // Nothing is left to undo, but the run stays FAILED; the saga waits where operators see it.
            journal().compensationFailed(DISCARD, FailureReason.of(DISCARD, e));
            log.error("Airtable sync {} run {}: marking the run compensated was refused: {}", syncId, runId, e.getMessage());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(SyncRunCompensated event) {
        journal().compensated(DISCARD);
    }

    private void startTable() {
        pageNumber = 1;
        offset = null;
        importPage();
    }

    /** Asks Airtable for the base's tables, off this thread; the answer comes back to {@link #called}. */
    private void fetchSchema() {
        AirtableClient client = airtable;
        String base = baseId;
        String token = tokenRef;
        callOutside(FETCH_SCHEMA, client.longestCall(), () -> AirtableAnswer.of(() -> client.listTables(base, token)));
    }

    /** Asks Airtable for the current page of the current table, off this thread. */
    private void importPage() {
        String step = pageStep();
        journal().started(step);
        AirtableClient client = airtable;
        String base = baseId;
        String table = currentTable();
        String pageOffset = offset;
        String token = tokenRef;
        callOutside(step, client.longestCall(),
                () -> AirtableAnswer.of(() -> client.listRecords(base, table, pageOffset, token)));
    }

    /**
     * Airtable answered: the schema is recorded (whether the base still has every synced table is the
     * aggregate's rule; its refusal fails the run), or the page is staged and recorded on the run. Airtable's
     * refusal (4xx, a missing token) fails the run; no answer or a 5xx after the client's own retries is
     * technical, and the call is made again after a backoff, then the saga is parked.
     */
    @Override
    protected void called(String step, Object result) {
        if (result instanceof AirtableAnswer.Unavailable unavailable) {
            failedTechnically(step, step + " failed: " + unavailable.reason());
            return;
        }
        if (result instanceof CallOutcome.Unexpected unexpected) {
            failedTechnically(step, unexpected.error());
            return;
        }
        callSettled();
        if (result instanceof AirtableAnswer.Refused refused) {
            fail(step, step + " failed: " + refused.reason());
        } else if (result instanceof AirtableAnswer.Tables tables) {
            List<TableSchema> synced = syncedTables(tables.tables());
            if (synced.size() < tableIds.size()) {
                fail(step, step + " failed: base " + baseId + " has no table(s) " + missingTables(synced));
            } else {
                send(FETCH_SCHEMA, new RecordSchemaFetchedCommand(syncId, runId, synced));
            }
        } else if (result instanceof AirtableAnswer.Page page) {
            stagedRecords.stage(syncId, runId, currentTable(), page.page().records());
            nextOffset = page.page().offset();
            send(step, new RecordPageImportedCommand(syncId, runId, currentTable(), pageNumber,
                    page.page().records().size()));
        }
    }

    @Override
    protected void retryCall(String step) {
        if (FETCH_SCHEMA.equals(step)) {
            fetchSchema();
        } else {
            importPage();
        }
    }

    @Override
    protected void learnFrom(Object unhandledPayload) {
        if (runId == null && unhandledPayload instanceof SyncRunRequested requested) {
            syncId = requested.syncId();
            runId = requested.runId();
            tenantId = requested.tenantId();
        }
    }

    /** An operator gave up: the run fails, which discards its staged records (see {@link #on(SyncRunFailed)}). */
    @Override
    protected void abort(String reason) {
        if (runId == null) {
            SagaLifecycle.end();
            return;
        }
        fail("abort", reason);
    }

    /**
     * Completes the run and publishes its records in the same unit of work: on the local command bus the
     * completion's event and the swap of the visible records commit in one transaction, so whoever sees
     * the run COMPLETED also sees its records (docs/adr/0009-airtable-records-staging.md).
     */
    private void complete() {
        journal().started(COMPLETE);
        if (send(COMPLETE, new CompleteSyncRunCommand(syncId, runId))) {
            journal().succeeded(COMPLETE);
            publish();
            SagaLifecycle.end();
        }
    }

    private void publish() {
        journal().started(PUBLISH);
        long visible = stagedRecords.publish(syncId, runId);
        journal().succeeded(PUBLISH);
        log.info("Airtable sync {} run {} completed; {} records visible", syncId, runId, visible);
    }

    /**
     * Sends a step's command; a refusal fails the run with the refusal as reason. Anything but a domain
     * refusal (the database, a concurrent change) propagates: the processor rolls the step back and
     * retries it, and a page fetched again is staged again harmlessly.
     */
    private boolean send(String step, Object command) {
        try {
            commandGateway.sendAndWait(command);
            return true;
        } catch (DomainException e) {
            fail(step, FailureReason.of(step, e));
            return false;
        }
    }

    /** Asks the aggregate to fail the run; its {@link SyncRunFailed} brings the compensation back here. */
    private void fail(String step, String failure) {
        // Airtable's own error text is quoted; cleaned, so the aggregate never refuses the failure itself.
        String reason = Text.sanitized(failure, MAX_REASON);
        failing = true;
        journal().failed(step, reason);
        journal().compensating(DISCARD, reason);
        log.warn("Airtable sync {} run {} fails: {}", syncId, runId, reason);
        try {
            commandGateway.sendAndWait(new FailSyncRunCommand(syncId, runId, reason));
        } catch (DomainException e) {
            // The run is no longer live: it ended without this saga (completed or compensated) or failed
            // already. Its staged rows are of no use to anyone either way.
            journal().compensationFailed(DISCARD, FailureReason.of(DISCARD, e));
            stagedRecords.discard(runId);
            if (!"airtable.run-failed".equals(e.code())) {
                log.error("Airtable sync {} run {} could not be failed ({}); saga ends", syncId, runId, e.getMessage());
                SagaLifecycle.end();
            }
        }
    }

    /** The synced tables out of the base's schema, in the sync's order; tables the sync does not name are left out. */
    private List<TableSchema> syncedTables(List<TableSchema> base) {
        List<TableSchema> synced = new ArrayList<>();
        for (String tableId : tableIds) {
            base.stream().filter(table -> tableId.equals(table.tableId())).findFirst().ifPresent(synced::add);
        }
        return synced;
    }

    /** The synced tables the base lacks, in the sync's order. */
    private String missingTables(List<TableSchema> found) {
        List<String> missing = new ArrayList<>(tableIds);
        found.forEach(table -> missing.remove(table.tableId()));
        return String.join(", ", missing);
    }

    private String currentTable() {
        return tableIds.get(tableIndex);
    }

    private String pageStep() {
        return "import " + currentTable() + " page " + pageNumber;
    }

    @Override
    protected String sagaType() {
        return SAGA_TYPE;
    }

    @Override
    protected Object sagaKey() {
        return runId;
    }

    @Override
    protected TenantId tenant() {
        return tenantId;
    }
}
