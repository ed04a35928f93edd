package io.baseplane.saga.airtable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.saga.airtable.client.AirtableRecord;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link StagedRecords} in {@code airtable_record_staging} and {@code airtable_record} (migration V10).
 * JdbcTemplate joins the transaction of the saga's unit of work: staged rows commit with the saga step,
 * and the three statements of {@link #publish} commit together, so readers never see half a swap.
 */
@Component
public class JdbcStagedRecords implements StagedRecords {

    private static final String STAGE = "insert into airtable_record_staging "
            + "(run_id, sync_id, table_id, record_id, fields, created_time) values (?, ?, ?, ?, ?::jsonb, ?) "
            // A page fetched again (a retried step) stages the same records again: the newer answer wins.
            + "on conflict (run_id, table_id, record_id) do update set fields = excluded.fields, "
            + "created_time = excluded.created_time";
    private static final int[] STAGE_TYPES =
            {Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    /** The JSON escape backslash-u0000 in JSON text, not preceded by an escaped backslash. */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcStagedRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void stage(AirtableSyncId syncId, SyncRunId runId, String tableId, List<AirtableRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(records.size());
        for (AirtableRecord record : records) {
            rows.add(new Object[] {runId.value(), syncId.value(), tableId, record.id(), toJson(record),
                    record.createdTime() == null ? null : OffsetDateTime.ofInstant(record.createdTime(), ZoneOffset.UTC)});
        }
        jdbc.batchUpdate(STAGE, rows, STAGE_TYPES);
    }

    @Override
    public long publish(AirtableSyncId syncId, SyncRunId runId) {
        jdbc.update("delete from airtable_record where sync_id = ?", syncId.value());
        int published = jdbc.update("insert into airtable_record (sync_id, table_id, record_id, run_id, fields, created_time) "
                + "select sync_id, table_id, record_id, run_id, fields, created_time from airtable_record_staging "
                + "where run_id = ? and sync_id = ?", runId.value(), syncId.value());
        discard(runId);
        return published;
    }

    @Override
    public long discard(SyncRunId runId) {
        return jdbc.update("delete from airtable_record_staging where run_id = ?", runId.value());
    }

    private String toJson(AirtableRecord record) {
        try {
            // jsonb refuses the escaped NUL character, and one such cell would fail the step for good: it becomes U+FFFD.
            return NUL_ESCAPE.matcher(json.writeValueAsString(record.fields())).replaceAll("$1\\\\ufffd");
        } catch (JsonProcessingException e) {
            // Cell values come from Jackson's own parse of Airtable's answer; they always serialise.
            throw new IllegalStateException("fields of record " + record.id() + " cannot be written as JSON", e);
        }
    }
}
