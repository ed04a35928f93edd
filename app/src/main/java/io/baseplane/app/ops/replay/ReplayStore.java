package io.baseplane.app.ops.replay;

import io.baseplane.app.ops.ReplayActivity;
import io.baseplane.app.ops.replay.Replay.Status;
import io.baseplane.app.ops.replay.Replay.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The replays' rows ({@code processor_replay}); owned by this package. */
@Component
class ReplayStore implements ReplayActivity {

    private static final String COLUMNS = """
            replay_id, processor_name, mode, from_index, from_requested, head_at_start, status, step, step_since,
            events_total, events_done, counted_to, events_per_second, auto_switch, started_by, reason, started_at,
            updated_at, finished_at, failure, shadow_schema, previous_schema, verify_at, diff""";

    private final JdbcTemplate jdbc;

    ReplayStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the replay; the database refuses a second unfinished one for the same processor. */
    void insert(Replay replay) {
        jdbc.update("insert into processor_replay (" + COLUMNS + """
                        ) values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?, 0, ?, 0, ?, ?, ?, now(), now(), null, null, ?, null,
                                  null, null)""",
                replay.id(), replay.processor(), replay.mode().name(), replay.fromIndex(), replay.fromRequested(),
                replay.headAtStart(), replay.status().name(), replay.step().name(), replay.eventsTotal(),
                replay.fromIndex(),
                replay.autoSwitch(), replay.startedBy(), replay.reason(), replay.shadowSchema());
    }

    Optional<Replay> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from processor_replay where replay_id = ?", ReplayStore::replay, id)
                .stream().findFirst();
    }

    /** The newest first. */
    List<Replay> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from processor_replay order by started_at desc limit ?",
                ReplayStore::replay, limit);
    }

    List<Replay> unfinished() {
        return jdbc.query("select " + COLUMNS + " from processor_replay where finished_at is null order by started_at",
                ReplayStore::replay);
    }

    Optional<Replay> unfinishedOf(String processor) {
        return jdbc.query("select " + COLUMNS
                        + " from processor_replay where processor_name = ? and finished_at is null",
                ReplayStore::replay, processor).stream().findFirst();
    }

    @Override
    public Set<String> replayingInPlace() {
        return Set.copyOf(jdbc.queryForList("""
                select processor_name from processor_replay
                where finished_at is null and mode = 'IN_PLACE' and status = 'RUNNING'""", String.class));
    }

    @Override
    public Set<String> withUnfinishedReplay() {
        return Set.copyOf(jdbc.queryForList("select processor_name from processor_replay where finished_at is null",
                String.class));
    }

    void progress(UUID id, long done, long countedTo, double perSecond) {
        jdbc.update("""
                update processor_replay set events_done = ?, counted_to = ?, events_per_second = ?, updated_at = now()
                where replay_id = ?""", done, countedTo, perSecond, id);
    }

    /** Moves the replay to a step, if it is still at the step the caller saw. */
    boolean step(Replay replay, Status status, Step step) {
        return moveIf(replay.id(), replay.step(), status, step);
    }

    boolean holdAt(Replay replay, long verifyAt) {
        return jdbc.update("""
                update processor_replay set status = 'VERIFYING', step = 'HOLDING', verify_at = ?, step_since = now(),
                                            updated_at = now()
                where replay_id = ? and step = ?""", verifyAt, replay.id(), replay.step().name()) == 1;
    }

    boolean compared(Replay replay, String diff, Status status, Step next) {
        return jdbc.update("""
                update processor_replay set status = ?, step = ?, diff = ?, step_since = now(), updated_at = now()
                where replay_id = ? and step = ?""", status.name(), next.name(), diff, replay.id(),
                replay.step().name()) == 1;
    }

    /** Ends the replay, if it is still at the step the caller saw: nothing of it is left to clean up. */
    boolean finish(Replay replay, Status status, String failure) {
        return jdbc.update("""
                update processor_replay set status = ?, step = 'DONE', failure = coalesce(?, failure),
                                            finished_at = now(), updated_at = now()
                where replay_id = ? and step = ?""", status.name(), failure, replay.id(), replay.step().name()) == 1;
    }

    /**
     * Cancelled or failed with a shadow to drop, if still at the step the caller saw: finished once it is dropped.
     */
    boolean discard(Replay replay, Status status, String failure) {
        return jdbc.update("""
                update processor_replay set status = ?, step = 'DISCARDING', failure = coalesce(?, failure),
                                            step_since = now(), updated_at = now()
                where replay_id = ? and step = ?""", status.name(), failure, replay.id(), replay.step().name()) == 1;
    }

    /**
     * Moves the replay to a step, if it is still at the step the caller saw: a request and the coordinating node, or
     * two requests, cannot both move it. {@code step_since} is the database's time, as the heartbeats' are.
     */
    boolean moveIf(UUID id, Step expected, Status status, Step next) {
        return jdbc.update("""
                update processor_replay set status = ?, step = ?, step_since = now(), updated_at = now()
                where replay_id = ? and step = ?""", status.name(), next.name(), id, expected.name()) == 1;
    }

    boolean switched(Replay replay, String previousSchema) {
        return jdbc.update("""
                update processor_replay set status = 'SWITCHED', step = 'DONE', previous_schema = ?,
                                            finished_at = now(), updated_at = now()
                where replay_id = ? and step = 'SWITCHING'""", previousSchema, replay.id()) == 1;
    }

    void previousDropped(UUID id) {
        jdbc.update("update processor_replay set previous_schema = null, updated_at = now() where replay_id = ?", id);
    }

    private static Replay replay(ResultSet row, int n) throws SQLException {
        return new Replay(row.getObject("replay_id", UUID.class), row.getString("processor_name"),
                Replay.Mode.valueOf(row.getString("mode")), row.getLong("from_index"), row.getString("from_requested"),
                row.getLong("head_at_start"), Status.valueOf(row.getString("status")),
                Step.valueOf(row.getString("step")),
                instant(row.getTimestamp("step_since")), row.getLong("events_total"), row.getLong("events_done"),
                row.getLong("counted_to"), row.getDouble("events_per_second"), row.getBoolean("auto_switch"),
                row.getString("started_by"),
                row.getString("reason"), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("finished_at")), row.getString("failure"), row.getString("shadow_schema"),
                row.getString("previous_schema"), row.getObject("verify_at", Long.class), row.getString("diff"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
