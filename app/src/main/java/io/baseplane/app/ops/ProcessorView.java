package io.baseplane.app.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An event processor as operators see it, whichever node they ask.
 *
 * @param kind        view, saga, reaction or lookup
 * @param mode        pooled, tracking or subscribing
 * @param status      running, paused, replaying, error or stopped (no live node runs it)
 * @param position    the global index every segment has reached; null before its first start
 * @param head        the global index of the newest event
 * @param lag         events stored after {@code position}; null before its first start
 * @param deadLetters events parked in its dead-letter queue
 * @param pause       who paused it, why and when; null unless paused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessorView(String name, String kind, String mode, String status, Long position, long head, Long lag,
                            List<Segment> segments, Failure error, long deadLetters, Pause pause) {

    /** A segment, the node that holds it (null when none does) and how far it is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Segment(int segment, String node, long position, boolean replaying) {
    }

    /** The error a node reports for the processor, and since when. */
    public record Failure(String message, Instant since, String node) {
    }

    public record Pause(String by, String reason, Instant at) {
    }
}
