package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every table was imported; the staged records become visible. */
public record CompleteSyncRunCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId) {
}
