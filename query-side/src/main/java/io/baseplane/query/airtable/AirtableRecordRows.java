package io.baseplane.query.airtable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.query.AirtableRecordView;
import io.baseplane.kernel.common.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code airtable_record}, the records the AirtableSyncRun saga published (migration V10). Not a
 * projection: records are not in events, the saga swaps them in when a run completes. JdbcTemplate joins
 * the query's read-only transaction, whose connection the JPA transaction manager exposes.
 */
@Component
class AirtableRecordRows {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AirtableRecordRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of a sync's records, optionally of one table, in the stable order (table id, record id). */
    ResultPage<AirtableRecordView> page(UUID syncId, String tableId, int page, int size) {
        String where = " from airtable_record where sync_id = ?" + (tableId == null ? "" : " and table_id = ?");
        List<Object> args = new ArrayList<>(List.of(syncId));
        if (tableId != null) {
            args.add(tableId);
        }
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<AirtableRecordView> items = jdbc.query(
                "select table_id, record_id, fields::text as fields, created_time, run_id" + where
                        + " order by table_id, record_id limit ? offset ?",
                (rs, row) -> view(rs), args.toArray());
        return new ResultPage<>(items, page, size, total == null ? 0 : total);
    }

    private AirtableRecordView view(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_time");
        return new AirtableRecordView(rs.getString("table_id"), rs.getString("record_id"), fields(rs.getString("fields")),
                created == null ? null : created.toInstant(), new SyncRunId(rs.getObject("run_id", UUID.class)));
    }

    private Map<String, Object> fields(String raw) {
        try {
            return json.readValue(raw, FIELDS);
        } catch (JsonProcessingException e) {
            // jsonb always holds valid JSON; the saga wrote an object.
            throw new IllegalStateException("airtable_record.fields is not a JSON object", e);
        }
    }
}
