package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The staged records of a failed run were discarded. */
public record MarkSyncRunCompensatedCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId) {
}
