package io.baseplane.app.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One segment of a processor as the token store has it.
 *
 * @param owner     the node whose claim the row names, null when released
 * @param claimedAt when the owner last claimed or extended it
 * @param token     how far the segment is; null before its first event
 */
public record SegmentToken(int segment, String owner, Instant claimedAt, TrackingToken token) {

    /** The global index of the last event the segment has seen, -1 before the first. */
    public long position() {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }

    public boolean replaying() {
        return ReplayToken.isReplay(token);
    }

    /** The node that holds the segment now: a claim not extended within the claim timeout has lapsed. */
    public String holder(Instant now, Duration claimTimeout) {
        return owner != null && claimedAt != null && claimedAt.isAfter(now.minus(claimTimeout)) ? owner : null;
    }
}
