package io.baseplane.saga.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One saga instance in full: its row, its state from Axon's saga store, its associations and deadlines, and a
 * timeline. The state is read as plain JSON (the stored form of Axon's JacksonSerializer), never as the saga
 * class, so it shows whatever version of the class wrote it.
 */
@Component
public class SagaDetails {

    /** Events of the saga's aggregates shown at most, the first ones: a tenant's saga may see a long history. */
    static final int MAX_EVENTS = 500;
    /** Journal entries shown at most, the first ones (a saga retried for days writes many). */
    static final int MAX_JOURNAL_ENTRIES = 1000;

    private static final Logger log = LoggerFactory.getLogger(SagaDetails.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final NamedParameterJdbcTemplate jdbc;
    private final SagaInstances instances;
    private final SagaDeadlines deadlines;

    public SagaDetails(JdbcTemplate jdbc, SagaInstances instances, SagaDeadlines deadlines) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.instances = instances;
        this.deadlines = deadlines;
    }

    public SagaDetail of(String sagaId) {
        SagaSummary saga = instances.find(sagaId).orElseThrow(() -> new NotFoundException("saga", sagaId));
        List<SagaDetail.Association> associations = associationsOf(sagaId);
        return SagaDetail.of(saga, saga.ended() ? null : stateOf(sagaId), associations, deadlines.pendingOf(sagaId),
                timeline(saga, associations));
    }

    private Map<String, Object> stateOf(String sagaId) {
        List<byte[]> stored = jdbc.queryForList("select serialized_saga from saga_entry where saga_id = :sagaId",
                new MapSqlParameterSource("sagaId", sagaId), byte[].class);
        if (stored.isEmpty() || stored.get(0) == null) {
            return null;
        }
        try {
            Object decoded = JSON.readValue(new String(stored.get(0), StandardCharsets.UTF_8), Object.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> state = decoded instanceof Map<?, ?> ? (Map<String, Object>) StateRedaction.redact(decoded)
                    : Map.of("value", StateRedaction.redact(decoded));
            return state;
        } catch (IOException e) {
            // Not JSON (another serializer wrote it): shown as absent rather than raw, which could hold secrets.
            log.warn("State of saga {} is not JSON; not shown", sagaId);
            return null;
        }
    }

    private List<SagaDetail.Association> associationsOf(String sagaId) {
        return jdbc.query("select association_key, association_value from association_value_entry "
                        + "where saga_id = :sagaId order by id", new MapSqlParameterSource("sagaId", sagaId),
                (row, n) -> new SagaDetail.Association(row.getString("association_key"),
                        row.getString("association_value")));
    }

    /**
     * The journal of the saga (by saga id; entries written before the journal knew saga ids by type and key)
     * merged by time with the events of its aggregates: those its association values name, and its key, which
     * names one even after the saga ended and Axon dropped its associations. At equal times an event comes
     * before the journal entry, as a saga step follows the event it handles.
     */
    private List<TimelineEntry> timeline(SagaSummary saga, List<SagaDetail.Association> associations) {
        MapSqlParameterSource params = new MapSqlParameterSource("sagaId", saga.sagaId())
                .addValue("type", saga.type()).addValue("key", saga.key());
        List<TimelineEntry> journal = jdbc.query("""
                        select step, transition, detail, attempt, actor, recorded_at from saga_journal
                        where saga_id = :sagaId or (saga_id is null and saga_type = :type and saga_key = :key)
                        order by id limit""" + " " + MAX_JOURNAL_ENTRIES, params,
                (row, n) -> TimelineEntry.journal(SagaInstances.instant(row, "recorded_at"), row.getString("step"),
                        row.getString("transition"), row.getString("detail"),
                        (Integer) row.getObject("attempt"), row.getString("actor")));
        Set<String> aggregateIds = new LinkedHashSet<>();
        aggregateIds.add(saga.key());
        associations.forEach(association -> {
            if (association.value() != null) {
                aggregateIds.add(association.value());
            }
        });
        List<TimelineEntry> events = jdbc.query("""
                        select global_index, type, aggregate_identifier, sequence_number, time_stamp, payload_type,
                               convert_from(meta_data, 'UTF8')::jsonb ->> '%s' as correlation_id,
                               convert_from(meta_data, 'UTF8')::jsonb ->> '%s' as causation_id
                        from domain_event_entry where aggregate_identifier in (:ids)
                        order by global_index limit %d""".formatted(
                        MetaDataKeys.CORRELATION_ID, MetaDataKeys.CAUSATION_ID, MAX_EVENTS),
                params.addValue("ids", aggregateIds),
                (row, n) -> TimelineEntry.event(parseTime(row.getString("time_stamp")), row.getLong("global_index"),
                        simpleName(row.getString("payload_type")), row.getString("type"),
                        row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                        row.getString("correlation_id"), row.getString("causation_id")));
        return Stream.concat(events.stream(), journal.stream())
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Axon stores event times as ISO-8601 text; an unreadable one sorts last rather than failing the page. */
    private static Instant parseTime(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
