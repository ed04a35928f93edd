package io.baseplane.command.workflow.lookup;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.TriggerType;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workflow_trigger} in step with the Workflow aggregate, in the events' transaction: each
 * workflow's trigger type, its event type (EVENT) or cron and next fire time (SCHEDULE, in UTC, the first
 * time after the event), and whether it is enabled. The workflow trigger handler and the schedule runner
 * (sagas) read it to find the workflows an event or the clock starts.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class WorkflowTriggerUpdater {

    private final JdbcTemplate jdbc;

    public WorkflowTriggerUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkflowDefined event, @org.axonframework.eventhandling.Timestamp Instant at) {
        // A new workflow starts enabled.
        Trigger trigger = event.trigger();
        jdbc.update("""
                INSERT INTO workflow_trigger
                    (workflow_id, tenant_id, workspace_id, trigger_type, event_type, cron, next_fire_at, enabled)
                VALUES (?, ?, ?, ?, ?, ?, ?, true)
                ON CONFLICT (workflow_id) DO UPDATE SET trigger_type = EXCLUDED.trigger_type,
                    event_type = EXCLUDED.event_type, cron = EXCLUDED.cron, next_fire_at = EXCLUDED.next_fire_at,
                    enabled = true
                """, event.workflowId().value(), event.tenantId().value(), event.workspaceId().value(),
                trigger.type().name(), trigger.eventType(), trigger.cron(), nextFire(trigger, at));
    }

    @EventHandler
    void on(WorkflowDefinitionUpdated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Trigger trigger = event.trigger();
        jdbc.update("UPDATE workflow_trigger SET trigger_type = ?, event_type = ?, cron = ?, next_fire_at = ? "
                        + "WHERE workflow_id = ?",
                trigger.type().name(), trigger.eventType(), trigger.cron(), nextFire(trigger, at),
                event.workflowId().value());
    }

    /** A fire time missed while disabled is skipped by the schedule runner when it is too old (its grace). */
    @EventHandler
    void on(WorkflowEnabled event) {
        setEnabled(event.workflowId(), true);
    }

    @EventHandler
    void on(WorkflowDisabled event) {
        setEnabled(event.workflowId(), false);
    }

    private void setEnabled(WorkflowId workflowId, boolean enabled) {
        jdbc.update("UPDATE workflow_trigger SET enabled = ? WHERE workflow_id = ?", enabled, workflowId.value());
    }

    private static Timestamp nextFire(Trigger trigger, Instant after) {
        return trigger.type() == TriggerType.SCHEDULE ? nextFire(trigger.cron(), after) : null;
    }

    /** The first time the cron names after {@code after}, in UTC; null without a cron (or a time). */
    static Timestamp nextFire(String cron, Instant after) {
        if (cron == null) {
            return null;
        }
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : Timestamp.from(next.toInstant());
    }
}
