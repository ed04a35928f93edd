package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.AirtableSyncId;

/**
 * The visible records of one Airtable sync (those of its last completed run), ordered by table id then
 * record id, answered with a {@code ResultPage<AirtableRecordView>}; {@code tableId} null means every
 * synced table, {@code page} counts from 0.
 */
public record ListAirtableRecordsQuery(AirtableSyncId syncId, String tableId, int page, int size) {
}
