package io.baseplane.projection.airtable;

import io.baseplane.kernel.airtable.AirtableBaseConnected;
import io.baseplane.kernel.airtable.AirtableBaseDisconnected;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.projection.ReadModelGroups;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code airtable_sync_view} and {@code sync_run_view}. Every row remembers the sequence number of the
 * last sync event it reflects and ignores events at or below it, so a redelivered or replayed event leaves
 * the row as it was. Runs happen inside the sync aggregate: one event may move both the run and the sync's
 * last-run summary, each row checking its own version. Timestamps are the events', never the clock's, so a
 * replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(ReadModelGroups.AIRTABLE_SYNC_VIEW)
public class AirtableSyncProjector {

    private final AirtableSyncViewRepository syncs;
    private final SyncRunViewRepository runs;

    AirtableSyncProjector(AirtableSyncViewRepository syncs, SyncRunViewRepository runs) {
        this.syncs = syncs;
        this.runs = runs;
    }

    @EventHandler
    public void on(AirtableBaseConnected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (syncs.findById(event.syncId().value()).isEmpty()) {
            syncs.save(AirtableSyncEntity.connected(event.syncId(), event.tenantId(), event.workspaceId(),
                    event.baseId(), event.tableIds(), sequence, at));
        }
    }

    @EventHandler
    public void on(SyncRunRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (runs.findById(event.runId().value()).isEmpty()) {
            runs.save(SyncRunEntity.requested(event.runId(), event.syncId(), event.tenantId(), event.workspaceId(),
                    event.tableIds(), sequence, at));
        }
        sync(event.syncId(), sequence, sync -> sync.runRequested(event.runId(), sequence, at));
    }

    @EventHandler
    public void on(SyncSchemaFetched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.syncId(), event.runId(), sequence, at, run -> run.schemaFetched(event.tables(), sequence, at));
    }

    @EventHandler
    public void on(SyncPageImported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.syncId(), event.runId(), sequence, at,
                run -> run.pageImported(event.tableId(), event.recordCount(), sequence, at));
    }

    @EventHandler
    public void on(SyncRunCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.syncId(), event.runId(), sequence, at, run -> run.completed(event.totalRecords(), sequence, at));
    }

    @EventHandler
    public void on(SyncRunFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.syncId(), event.runId(), sequence, at, run -> run.failed(event.reason(), sequence, at));
    }

    @EventHandler
    public void on(SyncRunCompensated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.syncId(), event.runId(), sequence, at,
                run -> run.compensated(event.discardedRecords(), sequence, at));
    }

    @EventHandler
    public void on(AirtableBaseDisconnected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sync(event.syncId(), sequence, sync -> sync.disconnected(sequence, at));
    }

    @ResetHandler
    public void reset() {
        runs.deleteAllInBatch();
        syncs.deleteAllInBatch();
    }

    /** Changes the run if the event is new to it, then mirrors the run's state in the sync's summary. */
    private void run(AirtableSyncId syncId, SyncRunId runId, long sequence, Instant at, Consumer<SyncRunEntity> change) {
        Optional<SyncRunEntity> found = runs.findById(runId.value()).filter(run -> run.isBehind(sequence));
        found.ifPresent(change);
        found.ifPresent(run -> sync(syncId, sequence, sync -> sync.lastRunChanged(
                run.runId(), run.status(), run.recordsImported(), run.finishedAt(), sequence, at)));
    }

    private void sync(AirtableSyncId syncId, long sequence, Consumer<AirtableSyncEntity> change) {
        syncs.findById(syncId.value()).filter(sync -> sync.isBehind(sequence)).ifPresent(change);
    }
}
