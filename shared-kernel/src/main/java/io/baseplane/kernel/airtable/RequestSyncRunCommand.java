package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks for a new run; refused while another run is active or when the base is disconnected. */
public record RequestSyncRunCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId, @TargetAggregateVersion Long expectedVersion) {

    /** Without an expected version: no optimistic-concurrency check. */
    public RequestSyncRunCommand(AirtableSyncId syncId, SyncRunId runId) {
        this(syncId, runId, null);
    }
}
