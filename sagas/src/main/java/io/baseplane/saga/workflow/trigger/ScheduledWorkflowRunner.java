package io.baseplane.saga.workflow.trigger;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.saga.workflow.WorkflowProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts SCHEDULE workflows when their cron says so. {@link #fireDue()} runs as a recurring db-scheduler
 * task (app configuration), so one instance of the platform polls at a time and the poll survives restarts.
 *
 * <p>Each due workflow is claimed by moving its {@code next_fire_at} in {@code workflow_trigger} on with a
 * conditional update, in the same transaction as the run request, so a fire time leads to one request or,
 * if the request fails, to none and a retry at the next poll. The run id is derived from the workflow and
 * the fire time, so even a repeat would name the same run. A fire time missed by more than
 * {@code baseplane.workflow.schedule-grace} (the platform was down, or the workflow disabled) is skipped,
 * not made up; the next one is computed from now.
 */
@Component
public class ScheduledWorkflowRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWorkflowRunner.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final RunRequests runs;
    private final TransactionTemplate transaction;
    private final Duration grace;
    private final Clock clock;

    @Autowired
    public ScheduledWorkflowRunner(JdbcTemplate jdbc, CommandGateway commandGateway,
                                   PlatformTransactionManager transactionManager, WorkflowProperties properties) {
        this(jdbc, commandGateway, new TransactionTemplate(transactionManager), properties.scheduleGrace(),
                Clock.systemUTC());
    }

    ScheduledWorkflowRunner(JdbcTemplate jdbc, CommandGateway commandGateway, TransactionTemplate transaction,
                            Duration grace, Clock clock) {
        this.jdbc = jdbc;
        this.runs = new RunRequests(commandGateway);
        this.transaction = transaction;
        this.grace = grace;
        this.clock = clock;
    }

    /** Requests a run of every enabled SCHEDULE workflow whose time has come; returns how many it requested. */
    public int fireDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("""
                        SELECT workflow_id, tenant_id, cron, next_fire_at FROM workflow_trigger
                        WHERE enabled AND trigger_type = 'SCHEDULE' AND next_fire_at <= ?
                        ORDER BY next_fire_at LIMIT""" + " " + BATCH,
                (row, n) -> new Due(new WorkflowId(row.getObject("workflow_id", UUID.class)),
                        new TenantId(row.getObject("tenant_id", UUID.class)), row.getString("cron"),
                        row.getTimestamp("next_fire_at")),
                Timestamp.from(now));
        int fired = 0;
        for (Due workflow : due) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> fire(workflow, now)))) {
                    fired++;
                }
            } catch (RuntimeException e) {
                // One workflow that cannot fire (a broken cron, a failing command) must not hold back those after
                // it; its fire time stays, so it is tried again on the next poll.
                log.error("Workflow {}: scheduled run at {} could not be requested", workflow.workflowId(), workflow.at(), e);
            }
        }
        return fired;
    }

    /** The run a fire time requests of a workflow: the same for the same workflow and time. */
    public static WorkflowRunId runIdFor(WorkflowId workflowId, Instant fireTime) {
        return new WorkflowRunId(UUID.nameUUIDFromBytes(
                ("workflow-schedule:" + workflowId + ":" + fireTime).getBytes(StandardCharsets.UTF_8)));
    }

    private boolean fire(Due due, Instant now) {
        ZonedDateTime next = CronExpression.parse(due.cron()).next(now.atZone(ZoneOffset.UTC));
        int claimed = jdbc.update("UPDATE workflow_trigger SET next_fire_at = ? "
                        + "WHERE workflow_id = ? AND next_fire_at = ? AND enabled",
                next == null ? null : Timestamp.from(next.toInstant()), due.workflowId().value(), due.at());
        if (claimed == 0) {
            return false; // another instance fired it, or the definition changed meanwhile
        }
        Instant at = due.at().toInstant();
        if (at.isBefore(now.minus(grace))) {
            log.info("Workflow {}: fire time {} missed by more than {}; skipped", due.workflowId(), at, grace);
            return false;
        }
        return runs.request(due.workflowId(), runIdFor(due.workflowId(), at), due.tenantId(),
                Map.of("scheduledAt", at.toString()), "Schedule of " + at);
    }

    private record Due(WorkflowId workflowId, TenantId tenantId, String cron, Timestamp at) {
    }
}
