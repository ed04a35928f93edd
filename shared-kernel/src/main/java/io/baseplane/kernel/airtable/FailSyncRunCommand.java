package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The run failed for good; its staged records must be discarded next. */
public record FailSyncRunCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId, String reason) {
}
