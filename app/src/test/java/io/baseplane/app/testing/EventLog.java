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

    /**
     * Events written directly by requests, the ones a "nothing was written" check is about. Sagas keep
     * writing in the background (a tenant's onboarding, say) and would make a global count flaky; their
     * events continue a chain, so their causation differs from their correlation, while a request's own
     * events start one: both name the request's command.
     */
    public long count() {
        return jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' "
                + "= convert_from(meta_data, 'UTF8')::jsonb ->> 'causationId'", Long.class);
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
