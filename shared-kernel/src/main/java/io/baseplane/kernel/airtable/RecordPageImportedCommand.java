package io.baseplane.kernel.airtable;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The run saga staged one page (at most 100 records) of a table; pages of a table are numbered from 1. */
public record RecordPageImportedCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId, String tableId,
                                        int pageNumber, int recordCount) {
}
