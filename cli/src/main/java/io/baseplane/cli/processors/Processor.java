package io.baseplane.cli.processors;

import java.util.List;

/**
 * An event processor as the ops API shows it.
 *
 * @param kind     view, saga, reaction or lookup
 * @param mode     pooled, tracking or subscribing
 * @param status   running, paused, replaying, error or stopped
 * @param position null for a subscribing processor, which has none
 * @param lag      events between position and head; null without a position
 */
record Processor(String name, String kind, String mode, String status, Long position, Long head, Long lag,
                 List<Segment> segments, ProcessorError error, long deadLetters, Pause pause) {

    Processor {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** held/total: a segment no node holds makes no progress. */
    String heldSegments() {
        return segments.stream().filter(segment -> segment.node() != null).count() + "/" + segments.size();
    }

    record Segment(int segment, String node, Long position, String error) {
    }

    record ProcessorError(String message, String since) {
    }

    record Pause(String by, String reason, String at) {
    }
}
