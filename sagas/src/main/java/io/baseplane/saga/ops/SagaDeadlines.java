package io.baseplane.saga.ops;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A saga's deadlines, as rows of db-scheduler's {@code scheduled_tasks} written by Axon's deadline manager. */
@Component
public class SagaDeadlines {

    private final NamedParameterJdbcTemplate jdbc;

    public SagaDeadlines(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The saga's deadlines no scheduler has picked yet, soonest first. */
    public List<PendingDeadline> pendingOf(String sagaId) {
        return jdbc.query(SagaSql.WITH_SAGA_DEADLINES + """
                        select deadline_id, name, due_at from saga_deadline
                        where saga_id = :sagaId and not picked order by due_at, deadline_id""",
                new MapSqlParameterSource("sagaId", sagaId),
                (row, n) -> new PendingDeadline(row.getString("deadline_id"), row.getString("name"),
                        SagaInstances.instant(row, "due_at")));
    }

    /**
     * Makes the deadline due now, so whichever node's scheduler polls next executes it, exactly as at its due
     * time; false if no scheduler may take it any more (picked meanwhile, or gone). The version moves on as
     * with every change db-scheduler makes, so a scheduler holding the old row cannot pick it on stale data.
     * Joins the caller's transaction.
     */
    boolean dueNow(String deadlineId) {
        return jdbc.update("""
                        update scheduled_tasks set execution_time = now(), version = version + 1
                        where task_name = :task and task_instance = :deadlineId and not picked""",
                new MapSqlParameterSource("task", SagaSql.DEADLINE_TASK).addValue("deadlineId", deadlineId)) == 1;
    }
}
