package io.baseplane.app.ops.replay;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One replay, as {@code processor_replay} keeps it.
 *
 * @param fromIndex   the replay handles the events after this global index (-1: all)
 * @param headAtStart the newest event when it started; {@code eventsTotal} counts those in (fromIndex, headAtStart]
 * @param countedTo   {@code eventsDone} counts the events in (fromIndex, countedTo]
 * @param step        where the coordinating node is; {@code status} is what operators are told
 * @param verifyAt    blue-green: the index the live view and the shadow both stop at to be compared
 */
public record Replay(UUID id, String processor, Mode mode, long fromIndex, String fromRequested, long headAtStart,
                     Status status, Step step, Instant stepSince, long eventsTotal, long eventsDone,
                     long countedTo, double eventsPerSecond, boolean autoSwitch, String startedBy, String reason,
                     Instant startedAt, Instant updatedAt, Instant finishedAt, String failure, String shadowSchema,
                     String previousSchema, Long verifyAt, String diff) {

    public enum Mode {
        IN_PLACE, BLUE_GREEN;

        /** As the API spells it: {@code in-place}, {@code blue-green}. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public enum Status { RUNNING, CATCHING_UP, VERIFYING, READY, SWITCHED, FAILED, CANCELLED }

    public enum Step {
        /** In place: waiting until no node runs the processor, then resetting its tokens. */
        STOPPING,
        /** In place: the processor runs again from the reset tokens. */
        REPLAYING,
        /** Blue-green: the shadow tables and tokens are to be made. */
        PREPARING,
        /** Blue-green: the shadow processor builds the shadow tables and follows the head. */
        BUILDING,
        /** Blue-green: live view and shadow hold at {@code verifyAt} until both reached it, then are compared. */
        HOLDING,
        /** Blue-green: compared; the shadow follows new events until an operator switches or cancels. */
        AWAITING_SWITCH,
        /** Blue-green: waiting until neither runs anywhere, then swapping the tables and tokens. */
        SWITCHING,
        /** Blue-green, cancelled or failed: waiting until the shadow runs nowhere, then dropping it. */
        DISCARDING,
        /** Nothing left to do. */
        DONE
    }

    /** Steps in which the shadow processor runs on every processing node. */
    static final Set<Step> SHADOW_RUNS = Set.of(Step.BUILDING, Step.HOLDING, Step.AWAITING_SWITCH);

    /** The shadow processor's name: its tokens are kept under it. */
    public String shadowProcessor() {
        return shadowProcessorOf(processor, id);
    }

    static String shadowProcessorOf(String processor, UUID id) {
        return processor + "@" + id;
    }

    boolean finished() {
        return finishedAt != null;
    }
}
