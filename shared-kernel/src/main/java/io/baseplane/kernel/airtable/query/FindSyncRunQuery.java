package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;

/** One run of one Airtable sync, answered with a {@link SyncRunView}; a run of another sync is not found. */
public record FindSyncRunQuery(AirtableSyncId syncId, SyncRunId runId) {
}
