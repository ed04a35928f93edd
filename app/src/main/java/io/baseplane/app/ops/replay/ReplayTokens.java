package io.baseplane.app.ops.replay;

import io.baseplane.app.ops.ClusterTokens;
import io.baseplane.app.ops.SegmentToken;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What replays do to the processors' tokens: reset a live processor's (in place), make a shadow's, and hand a
 * shadow's to the live processor when it switches.
 */
@Component
class ReplayTokens {

    /**
     * A shadow processor replays for as long as it runs: its tokens' replay ends at an index no event reaches, so its
     * projectors announce nothing (they announce only live changes), also after it caught up with the head.
     */
    private static final TrackingToken NEVER_REACHED = GapAwareTrackingToken.newInstance(Long.MAX_VALUE, Set.of());

    private final TokenStore tokenStore;
    private final ClusterTokens clusterTokens;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    ReplayTokens(TokenStore tokenStore, ClusterTokens clusterTokens, Serializer serializer, JdbcTemplate jdbc) {
        this.tokenStore = tokenStore;
        this.clusterTokens = clusterTokens;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    /** A new shadow processor's first token: it replays from the first event, and for ever. */
    static TrackingToken shadowStart() {
        return ReplayToken.createReplayToken(NEVER_REACHED, null);
    }

    /**
     * Resets every segment of a stopped processor to replay the events after {@code fromIndex}, in the caller's
     * transaction; from the first event the view is emptied first (its reset handlers). The claims taken to do it are
     * released, so any node may take the segments at once. Axon's own {@code resetTokens} needs the processor stopped
     * on this node only; the replay has it stopped on every node.
     */
    void reset(String processor, long fromIndex, EventHandlerInvoker handlers) {
        int[] segments = tokenStore.fetchSegments(processor);
        TrackingToken[] tokens = new TrackingToken[segments.length];
        for (int i = 0; i < segments.length; i++) {
            tokens[i] = tokenStore.fetchToken(processor, segments[i]);
        }
        TrackingToken start = fromIndex < 0 ? null : GapAwareTrackingToken.newInstance(fromIndex, Set.of());
        if (start == null) {
            handlers.performReset();
        }
        for (int i = 0; i < segments.length; i++) {
            tokenStore.storeToken(ReplayToken.createReplayToken(tokens[i], start), processor, segments[i]);
            tokenStore.releaseClaim(processor, segments[i]);
        }
    }

    /** Makes the shadow's segments, as many as the live processor has, each replaying from the first event. */
    void createShadow(String shadow, String live) {
        int segments = Math.max(1, clusterTokens.of(live).size());
        tokenStore.initializeTokenSegments(shadow, segments, shadowStart());
    }

    /**
     * Gives the live processor the shadow's tokens, no longer replaying (its projectors announce again), and removes
     * the shadow's; in the caller's transaction, with both stopped everywhere.
     */
    void handOver(String shadow, String live) {
        List<SegmentToken> segments = clusterTokens.of(shadow);
        jdbc.update("delete from token_entry where processor_name = ?", live);
        String now = Instant.now().toString();
        for (SegmentToken segment : segments) {
            TrackingToken token = segment.token() instanceof ReplayToken replay ? replay.getCurrentToken()
                    : segment.token();
            SerializedObject<byte[]> bytes = token == null ? null : serializer.serialize(token, byte[].class);
            jdbc.update("""
                            insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)
                            values (?, ?, ?, ?, ?, null)""",
                    live, segment.segment(), bytes == null ? null : bytes.getData(),
                    bytes == null ? null : bytes.getType().getName(), now);
        }
        delete(shadow);
    }

    void delete(String processor) {
        jdbc.update("delete from token_entry where processor_name = ?", processor);
    }
}
