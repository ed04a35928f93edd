package io.baseplane.saga.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** SQL the saga queries share: the sagas' deadlines, what "stuck" means, the filter. */
final class SagaSql {

    /**
     * The task name of Axon's {@code DbSchedulerDeadlineManager} (not public there): every deadline is one row
     * of this task. Also written out in {@link #WITH_SAGA_DEADLINES}.
     */
    static final String DEADLINE_TASK = "AxonDeadline";

    /**
     * The deadlines whose scope is a saga, with that saga's id. The task data is db-scheduler's JSON of the
     * deadline (human-readable mode); its {@code scopeDescriptor} is Axon's JSON of the scope, a string inside
     * it, whose {@code identifier} is the saga id. Only Axon's rows are parsed (materialised first, so the
     * cast never meets another task's data), and the id is taken with a pattern, which cannot fail on an
     * unexpected shape as a second cast could. {@code picked}: a scheduler is executing it right now.
     */
    static final String WITH_SAGA_DEADLINES = """
            with axon_deadline as materialized (
                select task_instance, execution_time, picked, convert_from(task_data, 'UTF8')::jsonb as data
                from scheduled_tasks where task_name = 'AxonDeadline'),
            saga_deadline as materialized (
                select task_instance as deadline_id, data ->> 'deadlineName' as name, execution_time as due_at, picked,
                       substring(data ->> 'scopeDescriptor' from '"identifier"\\s*:\\s*"([^"]*)"') as saga_id
                from axon_deadline
                where data ->> 'scopeDescriptorClass' like '%.SagaScopeDescriptor')
            """;

    /**
     * Whether {@code s} (a saga_instance row) is stuck: retrying or parked, or running or compensating with no
     * progress since {@code :stuckBefore} and no deadline to wait for (one being executed counts: the saga is
     * about to move). Needs {@link #WITH_SAGA_DEADLINES}. {@code not in} over an uncorrelated list, which
     * PostgreSQL hashes once, rather than {@code not exists}, which inside an {@code or} it would scan per row.
     */
    static final String STUCK = """
            (s.ended_at is null and (s.status in ('RETRYING', 'PARKED')
                or (s.status in ('RUNNING', 'COMPENSATING') and s.last_progress_at < :stuckBefore
                    and s.saga_id not in (select d.saga_id from saga_deadline d where d.saga_id is not null))))""";

    /** Ended sagas are listed for the retention period only. */
    static final String RETAINED = "(s.ended_at is null or s.ended_at >= :retainedSince)";

    static final String COLUMNS = "s.saga_id, s.saga_type, s.saga_key, s.tenant_id, s.status, s.current_step, "
            + "s.attempts, s.last_error, s.started_at, s.last_progress_at, s.ended_at";

    private SagaSql() {
    }

    /** Appends the filter's conditions ({@code and …}) and binds their values. */
    static void appendFilter(SagaFilter filter, StringBuilder sql, MapSqlParameterSource params) {
        if (filter.type() != null) {
            sql.append(" and s.saga_type = :type");
            params.addValue("type", filter.type());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.tenantId() != null) {
            sql.append(" and s.tenant_id = :tenantId");
            params.addValue("tenantId", filter.tenantId());
        }
        if (filter.stuck() != null) {
            sql.append(" and ").append(STUCK).append(" = :stuck");
            params.addValue("stuck", filter.stuck());
        }
        if (filter.startedAfter() != null) {
            sql.append(" and s.started_at >= :startedAfter");
            params.addValue("startedAfter", timestamp(filter.startedAfter()));
        }
        if (filter.startedBefore() != null) {
            sql.append(" and s.started_at < :startedBefore");
            params.addValue("startedBefore", timestamp(filter.startedBefore()));
        }
        if (filter.q() != null) {
            // strpos, not LIKE: the operator's text is matched as it is, % and _ included.
            sql.append(" and (strpos(lower(s.saga_key), lower(:q)) > 0 or strpos(lower(s.saga_id), lower(:q)) > 0"
                    + " or strpos(lower(coalesce(s.current_step, '')), lower(:q)) > 0"
                    + " or strpos(lower(coalesce(s.last_error, '')), lower(:q)) > 0)");
            params.addValue("q", filter.q());
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
