package io.baseplane.kernel.airtable;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The run saga fetched the schema of the synchronised tables. */
public record RecordSchemaFetchedCommand(@TargetAggregateIdentifier AirtableSyncId syncId, SyncRunId runId, List<TableSchema> tables) {
}
