package io.baseplane.kernel.airtable.query;

import io.baseplane.kernel.airtable.SyncRunId;
import java.time.Instant;
import java.util.Map;

/**
 * One imported Airtable record as the sync's last completed run left it.
 *
 * @param fields      cell values by field name, as Airtable's JSON has them (empty cells are absent)
 * @param createdTime when the record was created in Airtable, or null if Airtable did not say
 * @param runId       the run that imported this version of the record
 */
public record AirtableRecordView(String tableId, String recordId, Map<String, Object> fields, Instant createdTime,
                                 SyncRunId runId) {
}
