package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Unlinks the base; refused while a run is active. */
public record DisconnectAirtableBaseCommand(@TargetAggregateIdentifier AirtableSyncId syncId, @TargetAggregateVersion Long expectedVersion) {

    /** Without an expected version: no optimistic-concurrency check. */
    public DisconnectAirtableBaseCommand(AirtableSyncId syncId) {
        this(syncId, null);
    }
}
