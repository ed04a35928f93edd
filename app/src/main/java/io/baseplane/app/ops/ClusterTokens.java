package io.baseplane.app.ops;

import io.baseplane.app.node.NodeProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every processor's segments as the shared token store has them, whichever node holds them: the one place that knows
 * where a processor is on all nodes at once.
 */
@Component
public class ClusterTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final NodeProperties node;

    ClusterTokens(JdbcTemplate jdbc, Serializer serializer, NodeProperties node) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.node = node;
    }

    /** The processor's segments in order; empty when it never started. */
    public List<SegmentToken> of(String processor) {
        return jdbc.query("""
                        select segment, owner, timestamp, token, token_type from token_entry
                        where processor_name = ? order by segment""",
                (row, n) -> new SegmentToken(row.getInt(1), row.getString(2), instant(row.getString(3)),
                        token(row.getBytes(4), row.getString(5))),
                processor);
    }

    /** Every processor's segments, by processor name. */
    public Map<String, List<SegmentToken>> all() {
        Map<String, List<SegmentToken>> all = new LinkedHashMap<>();
        jdbc.query("""
                        select processor_name, segment, owner, timestamp, token, token_type from token_entry
                        order by processor_name, segment""",
                row -> {
                    all.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(new SegmentToken(
                            row.getInt(2), row.getString(3), instant(row.getString(4)),
                            token(row.getBytes(5), row.getString(6))));
                });
        return all;
    }

    /** Whether some node holds a claim on a segment of the processor that has not lapsed. */
    public boolean claimed(String processor) {
        Instant now = Instant.now();
        return of(processor).stream().anyMatch(segment -> segment.holder(now, node.claimTimeout()) != null);
    }

    /** The lowest position over the segments: every segment has seen every event up to it. Null without segments. */
    public static Long lowest(List<SegmentToken> segments) {
        OptionalLong lowest = segments.stream().mapToLong(SegmentToken::position).min();
        return lowest.isPresent() ? lowest.getAsLong() : null;
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private static Instant instant(String timestamp) {
        return timestamp == null ? null : Instant.parse(timestamp);
    }
}
