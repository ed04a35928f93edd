package io.baseplane.saga.journal;

import io.baseplane.kernel.common.Text;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes journal entries to {@code saga_journal} and keeps the instance's row in {@code saga_instance} (status,
 * current step, attempts, last progress) up to date with them. JdbcTemplate joins the transaction of the saga's
 * unit of work, so both commit together with the saga state they describe, or not at all: a retried event does
 * not leave a step recorded twice. The timestamp is taken here, not from {@code now()}, because every entry of
 * one transaction would otherwise carry the same time.
 */
@Component
public class JdbcSagaJournal implements SagaJournal {

    private static final String INSERT = "insert into saga_journal (saga_id, saga_type, saga_key, tenant_id, step, "
            + "transition, detail, attempt, actor, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};
    /** Column limit of {@code saga_journal.actor}. */
    static final int MAX_ACTOR_LENGTH = 200;

    /**
     * The status follows from the transition and the sticky facts (a step failed, compensating, compensation
     * failed): an ended saga keeps its final status; an explicit RETRYING or PARKED wins; an ended saga is
     * COMPENSATION_FAILED, COMPENSATED, FAILED (nothing was to be undone) or COMPLETED by those facts; anything else
     * is COMPENSATION_FAILED, COMPENSATING or RUNNING by them. A new row gets the same rule
     * applied in Java ({@link #statusOf}) to the entry's facts alone.
     */
    private static final String UPSERT_INSTANCE = """
            insert into saga_instance as s (saga_id, saga_type, saga_key, tenant_id, status, failed, compensating,
                    compensation_failed, current_step, attempts, last_error, started_at, last_progress_at, ended_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 0), ?, ?, ?, ?)
            on conflict (saga_id) do update set
                saga_key = excluded.saga_key,
                tenant_id = coalesce(excluded.tenant_id, s.tenant_id),
                failed = s.failed or excluded.failed,
                compensating = s.compensating or excluded.compensating,
                compensation_failed = s.compensation_failed or excluded.compensation_failed,
                current_step = case when excluded.ended_at is not null then s.current_step else excluded.current_step end,
                attempts = coalesce(?, case when ? then 0 else s.attempts end),
                last_error = coalesce(excluded.last_error, s.last_error),
                last_progress_at = excluded.last_progress_at,
                ended_at = coalesce(excluded.ended_at, s.ended_at),
                status = case
                    when s.ended_at is not null then s.status
                    when excluded.ended_at is not null then
                        case when s.compensation_failed or excluded.compensation_failed then 'COMPENSATION_FAILED'
                             when s.compensating or excluded.compensating then 'COMPENSATED'
                             when s.failed or excluded.failed then 'FAILED'
                             else 'COMPLETED' end
                    when ?::varchar is not null then ?::varchar
                    when s.compensation_failed or excluded.compensation_failed then 'COMPENSATION_FAILED'
                    when s.compensating or excluded.compensating then 'COMPENSATING'
                    else 'RUNNING' end
            """;

    /** The step a saga is parked at when its stored state cannot be read (see {@link #parkUnreadable}). */
    public static final String LOAD_STATE = "load saga state";

    private static final String PARK_UNREADABLE_JOURNAL = """
            insert into saga_journal (saga_id, saga_type, saga_key, tenant_id, step, transition, detail, recorded_at)
            select saga_id, saga_type, saga_key, tenant_id, ?, 'PARKED', ?, ? from saga_instance
             where saga_id = ? and not (status = 'PARKED' and current_step = ?)
            """;
    private static final String PARK_UNREADABLE_INSTANCE = """
            update saga_instance set status = 'PARKED', current_step = ?, last_error = ?, last_progress_at = ?
             where saga_id = ? and not (status = 'PARKED' and current_step = ?)
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    public JdbcSagaJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(JournalEntry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Object tenant = entry.tenantId() == null ? null : entry.tenantId().value();
        jdbc.update(INSERT, new Object[] {entry.sagaId(), entry.sagaType(), entry.sagaKey(), tenant, entry.step(),
                entry.transition().name(), entry.detail(), entry.attempt(), null, now}, TYPES);
        if (entry.sagaId() != null) {
            updateInstance(entry, tenant, now);
        }
    }

    /**
     * An operator's action on a saga ({@code transition} e.g. {@code OPERATOR_RETRY}), with who and why. It is no
     * progress of the saga, so its instance row stays as it is; the saga's own handling of the action is.
     */
    public void recordOperatorAction(String sagaId, String sagaType, String sagaKey, Object tenantId, String step,
                                     String transition, String reason, String actor) {
        jdbc.update(INSERT, new Object[] {sagaId, sagaType, sagaKey, tenantId,
                Text.sanitized(step, JournalEntry.MAX_STEP_LENGTH), transition,
                Text.sanitized(reason, JournalEntry.MAX_DETAIL_LENGTH), null,
                Text.sanitized(actor, MAX_ACTOR_LENGTH), OffsetDateTime.now(clock)}, TYPES);
    }

    /**
     * Parks a saga whose stored state cannot be read (a class changed incompatibly, a damaged row): nothing can
     * run it until the code or the row is fixed, so operators must see it, and its processor must go on. Written
     * once, however many events find it so.
     */
    public void parkUnreadable(String sagaId, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String detail = Text.sanitized(error, JournalEntry.MAX_DETAIL_LENGTH);
        jdbc.update(PARK_UNREADABLE_JOURNAL, LOAD_STATE, detail, now, sagaId, LOAD_STATE);
        jdbc.update(PARK_UNREADABLE_INSTANCE, LOAD_STATE, detail, now, sagaId, LOAD_STATE);
    }

    private void updateInstance(JournalEntry entry, Object tenant, OffsetDateTime now) {
        StepTransition transition = entry.transition();
        boolean ended = transition == StepTransition.ENDED;
        boolean failure = transition == StepTransition.FAILED || transition == StepTransition.RETRYING
                || transition == StepTransition.PARKED || transition == StepTransition.COMPENSATION_FAILED;
        boolean failed = transition == StepTransition.FAILED;
        boolean compensating = transition.compensates();
        boolean compensationFailed = transition == StepTransition.COMPENSATION_FAILED;
        String explicit = transition == StepTransition.RETRYING || transition == StepTransition.PARKED
                ? transition.name() : null;
        jdbc.update(UPSERT_INSTANCE, ps -> {
            int i = 0;
            ps.setString(++i, entry.sagaId());
            ps.setString(++i, entry.sagaType());
            ps.setString(++i, entry.sagaKey());
            ps.setObject(++i, tenant, Types.OTHER);
            ps.setString(++i, statusOf(ended, explicit, failed, compensating, compensationFailed));
            ps.setBoolean(++i, failed);
            ps.setBoolean(++i, compensating);
            ps.setBoolean(++i, compensationFailed);
            ps.setString(++i, entry.step());
            ps.setObject(++i, entry.attempt(), Types.INTEGER);
            ps.setString(++i, failure ? entry.detail() : null);
            ps.setObject(++i, now);
            ps.setObject(++i, now);
            ps.setObject(++i, ended ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(++i, entry.attempt(), Types.INTEGER);
            ps.setBoolean(++i, transition == StepTransition.RESUMED);
            ps.setString(++i, explicit);
            ps.setString(++i, explicit);
        });
    }

    private static String statusOf(boolean ended, String explicit, boolean failed, boolean compensating,
                                   boolean compensationFailed) {
        if (ended) {
            return compensationFailed ? "COMPENSATION_FAILED" : compensating ? "COMPENSATED"
                    : failed ? "FAILED" : "COMPLETED";
        }
        if (explicit != null) {
            return explicit;
        }
        return compensationFailed ? "COMPENSATION_FAILED" : compensating ? "COMPENSATING" : "RUNNING";
    }
}
