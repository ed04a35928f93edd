package io.baseplane.saga.airtable;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.saga.airtable.client.AirtableRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StagedRecords} in memory: staged record ids per run, visible record ids per sync. Staging can be made
 * to fail, as a broken staging table would.
 */
final class InMemoryStagedRecords implements StagedRecords {

    private final Map<SyncRunId, Map<String, AirtableSyncId>> staged = new LinkedHashMap<>();
    private final Map<AirtableSyncId, List<String>> visible = new LinkedHashMap<>();
    private RuntimeException stagingFailure;

    /** Every page staged from now on fails with {@code failure}. */
    void failStagingWith(RuntimeException failure) {
        stagingFailure = failure;
    }

    @Override
    public void stage(AirtableSyncId syncId, SyncRunId runId, String tableId, List<AirtableRecord> records) {
        if (stagingFailure != null) {
            throw stagingFailure;
        }
        records.forEach(record -> staged.computeIfAbsent(runId, r -> new LinkedHashMap<>())
                .put(tableId + "/" + record.id(), syncId));
    }

    @Override
    public long publish(AirtableSyncId syncId, SyncRunId runId) {
        List<String> records = new ArrayList<>(staged.getOrDefault(runId, Map.of()).keySet());
        visible.put(syncId, records);
        staged.remove(runId);
        return records.size();
    }

    @Override
    public long discard(SyncRunId runId) {
        Map<String, AirtableSyncId> dropped = staged.remove(runId);
        return dropped == null ? 0 : dropped.size();
    }

    /** The run's staged records as "tableId/recordId". */
    List<String> staged(SyncRunId runId) {
        return List.copyOf(staged.getOrDefault(runId, Map.of()).keySet());
    }

    /** The sync's visible records as "tableId/recordId", or empty when nothing was published. */
    List<String> visible(AirtableSyncId syncId) {
        return List.copyOf(visible.getOrDefault(syncId, List.of()));
    }
}
