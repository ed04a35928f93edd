package io.baseplane.app.ops.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A replay as the API shows it.
 *
 * @param eventsTotal     the events after the start position up to the head when the replay started
 * @param eventsDone      of those, the ones every segment has handled: exact; equal to the total once caught up
 * @param etaSeconds      at the current rate; null while the rate is not known
 * @param step            what the coordinating node is waiting for or doing (see docs/adr/0022)
 * @param diff            blue-green, once compared: whether the rebuilt view equals the live one, and the rows that
 *                        differ (the rows themselves at {@code /diff})
 * @param previousTables  blue-green, after the switch: the schema holding the replaced tables until they are dropped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayView(String id, String processor, String mode, String from, String status, String step,
                         long eventsDone, long eventsTotal, double eventsPerSecond, Long etaSeconds,
                         boolean autoSwitch, String startedBy, String reason, Instant startedAt, Instant updatedAt,
                         Instant finishedAt, String failure, DiffSummary diff, String previousTables) {

    public record DiffSummary(boolean empty, long rows) {
    }

    static ReplayView of(Replay replay) {
        long left = replay.eventsTotal() - replay.eventsDone();
        Long eta = left <= 0 ? Long.valueOf(0)
                : replay.eventsPerSecond() > 0 ? Long.valueOf((long) Math.ceil(left / replay.eventsPerSecond())) : null;
        ViewDiff diff = DiffJson.read(replay.diff());
        return new ReplayView(replay.id().toString(), replay.processor(), replay.mode().wire(), replay.fromRequested(),
                replay.status().name(), replay.step().name(), replay.eventsDone(), replay.eventsTotal(),
                Math.round(replay.eventsPerSecond() * 10) / 10.0, eta, replay.autoSwitch(), replay.startedBy(),
                replay.reason(), replay.startedAt(), replay.updatedAt(), replay.finishedAt(), replay.failure(),
                diff == null ? null : new DiffSummary(diff.empty(), diff.rows()), replay.previousSchema());
    }
}
