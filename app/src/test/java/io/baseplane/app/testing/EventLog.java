package io.baseplane.app.testing;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store with plain SQL, as an auditor would. */
public final class EventLog {

    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** Simple payload type names of one aggregate's events, in order. */
    public List<String> typesOf(Object aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, aggregateId.toString())
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    public List<Map<String, Object>> rowsOf(Object aggregateId) {
        return jdbc.queryForList("select sequence_number, payload_type, payload::text as payload, "
                + "meta_data::text as meta_data from audit_event_log where aggregate_identifier = ? "
                + "order by sequence_number", aggregateId.toString());
    }
}
