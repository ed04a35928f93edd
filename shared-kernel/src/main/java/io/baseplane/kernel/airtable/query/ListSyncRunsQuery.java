package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;

/**
 * The runs of one Airtable sync, newest request first (then by run id), answered with a
 * {@code ResultPage<SyncRunView>}; {@code page} counts from 0.
 */
public record ListSyncRunsQuery(AirtableSyncId syncId, int page, int size) {
}
