package io.baseplane.app.deadletter;

import static io.baseplane.app.deadletter.DeadLetterConfiguration.TABLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a view processor's dead letters as operators see them: sequences grouped by the failure that parked them.
 *
 * <p>A sequence's failure is that of its first letter with a cause (the event that failed; the events behind it have
 * none), fingerprinted by {@link ErrorFingerprint}. A group counts the letters of its sequences; its first time is when
 * the first of its failures was parked, its last when one last failed (a retry that fails again counts); its sample is
 * the failed event of the sequence parked first. Two queries of the processor's letters, one row per sequence each.
 */
final class DeadLetterListing {

    /** Reads stored payloads (Jackson JSON of the event serializer) into plain maps and lists for the answer. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    DeadLetterListing(JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    /** The processor's groups, most recently failed first; {@code group} null for all. */
    List<Group> groups(String processor, String group) {
        Map<ErrorFingerprint, List<ParkedSequence>> byFailure = sequences(processor).stream()
                .collect(Collectors.groupingBy(ParkedSequence::failure, LinkedHashMap::new, Collectors.toList()));
        List<Group> groups = new ArrayList<>();
        byFailure.forEach((failure, sequences) -> {
            if (group == null || group.equals(failure.id())) {
                groups.add(group(processor, failure, sequences));
            }
        });
        groups.sort(Comparator.comparing(Group::lastAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return groups;
    }

    /** The sequences whose failure has the fingerprint {@code group}. */
    Set<String> sequencesOf(String processor, String group) {
        return sequences(processor).stream().filter(sequence -> sequence.failure().id().equals(group))
                .map(ParkedSequence::sequence).collect(Collectors.toSet());
    }

    private List<ParkedSequence> sequences(String processor) {
        Map<String, ParkedSequence> failed = new HashMap<>();
        jdbc.query("select distinct on (sequence_identifier) sequence_identifier, dead_letter_id, cause_type, "
                        + "cause_message, enqueued_at, last_touched from " + TABLE
                        + " where processing_group = ? and cause_type is not null "
                        + "order by sequence_identifier, sequence_index",
                row -> {
                    String sequence = row.getString("sequence_identifier");
                    failed.put(sequence, new ParkedSequence(sequence, 0,
                            ErrorFingerprint.of(row.getString("cause_type"), row.getString("cause_message")),
                            row.getString("dead_letter_id"), instant(row.getString("enqueued_at")),
                            instant(row.getString("last_touched"))));
                }, processor);
        List<ParkedSequence> sequences = new ArrayList<>();
        jdbc.query("select sequence_identifier, count(*) as letters, min(enqueued_at) as first_at, "
                        + "max(last_touched) as last_at, "
                        + "(array_agg(dead_letter_id order by sequence_index))[1] as head "
                        + "from " + TABLE + " where processing_group = ? group by sequence_identifier",
                row -> {
                    String sequence = row.getString("sequence_identifier");
                    ParkedSequence failure = failed.get(sequence);
                    sequences.add(failure != null ? failure.withLetters(row.getLong("letters"))
                            : new ParkedSequence(sequence, row.getLong("letters"), ErrorFingerprint.NO_FAILURE,
                                    row.getString("head"), instant(row.getString("first_at")),
                                    instant(row.getString("last_at"))));
                }, processor);
        return sequences;
    }

    private Group group(String processor, ErrorFingerprint failure, List<ParkedSequence> sequences) {
        ParkedSequence first = sequences.stream()
                .min(Comparator.comparing(ParkedSequence::firstAt).thenComparing(ParkedSequence::sequence))
                .orElseThrow();
        Instant lastAt = sequences.stream().map(ParkedSequence::lastAt).max(Comparator.naturalOrder()).orElseThrow();
        return new Group(processor, failure.id(), failure.exceptionType(), failure.message(),
                sequences.stream().mapToLong(ParkedSequence::letters).sum(), sequences.size(), first.firstAt(), lastAt,
                sample(first.sampleEntry()));
    }

    /** The entry in full, or null when it was retried or evicted meanwhile. */
    private Sample sample(String entryId) {
        return jdbc.query("select dead_letter_id, sequence_identifier, payload_type, aggregate_identifier, "
                        + "sequence_number, token_type, token, payload from " + TABLE + " where dead_letter_id = ?",
                rows -> rows.next() ? new Sample(rows.getString("dead_letter_id"),
                        rows.getString("sequence_identifier"), rows.getString("payload_type"),
                        rows.getString("aggregate_identifier"), rows.getObject("sequence_number", Long.class),
                        globalIndex(rows.getString("token_type"), rows.getBytes("token")),
                        payload(rows.getBytes("payload"))) : null,
                entryId);
    }

    /** Where the event is in the stream: its tracking token's position (null if it had none). */
    private Long globalIndex(String tokenType, byte[] token) {
        if (tokenType == null || token == null) {
            return null;
        }
        TrackingToken tracking = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking.position().isPresent() ? tracking.position().getAsLong() : null;
    }

    private static Object payload(byte[] json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            return new String(json, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Instant instant(String stored) {
        return stored == null ? null : DateTimeUtils.parseInstant(stored);
    }

    /**
     * One parked sequence.
     *
     * @param sampleEntry the failed letter, or the first letter where none failed
     * @param firstAt     when the failed letter was parked
     * @param lastAt      when it last failed
     */
    private record ParkedSequence(String sequence, long letters, ErrorFingerprint failure, String sampleEntry,
                                  Instant firstAt, Instant lastAt) {

        ParkedSequence withLetters(long count) {
            return new ParkedSequence(sequence, count, failure, sampleEntry, firstAt, lastAt);
        }
    }

    /** The answer of the list. */
    record Groups(List<Group> groups) {
    }

    /**
     * Dead letters of one processor parked for the same failure.
     *
     * @param group     the failure's fingerprint id, which the retry and evict actions take
     * @param count     parked events (letters) in the group's sequences
     * @param sequences parked sequences (aggregates)
     */
    record Group(String processor, String group, String exceptionType, String message, long count, long sequences,
                 Instant firstAt, Instant lastAt, Sample sample) {
    }

    /** One parked event of the group, with its payload as stored. */
    record Sample(String entryId, String sequence, String eventType, String aggregateId, Long sequenceNumber,
                  Long globalIndex, Object payload) {
    }
}
