package io.baseplane.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event log and the journal hold about a saga, for tests of the operators' actions. */
final class SagaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    SagaEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The operators' requests about the saga in the event log, oldest first. */
    List<Event> requestsAbout(String sagaId) {
        return jdbc.queryForList("select payload_type, payload::text as payload, meta_data::text as meta_data "
                        + "from audit_event_log where payload_type like 'io.baseplane.kernel.saga.%' "
                        + "and payload ->> 'sagaId' = ? order by global_index", sagaId)
                .stream().map(SagaEvents::event).toList();
    }

    /** The saga's journal entries written by operators, oldest first. */
    List<Map<String, Object>> operatorEntries(String sagaId) {
        return jdbc.queryForList("select saga_id, saga_type, saga_key, tenant_id::text as tenant_id, step, transition, "
                + "detail, actor, recorded_at from saga_journal where saga_id = ? and actor is not null order by id", sagaId);
    }

    private static Event event(Map<String, Object> row) {
        String type = row.get("payload_type").toString();
        return new Event(type.substring(type.lastIndexOf('.') + 1), json(row.get("payload")), json(row.get("meta_data")));
    }

    private static JsonNode json(Object text) {
        try {
            return JSON.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Event(String type, JsonNode payload, JsonNode metaData) {
    }
}
