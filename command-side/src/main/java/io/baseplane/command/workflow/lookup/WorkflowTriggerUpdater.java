package io.baseplane.command.workflow.lookup;

import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workflow_trigger} in step with the Workflow aggregate, in the events' transaction: each
 * workflow's trigger type, its event type (EVENT triggers only) and whether it is enabled. The workflow
 * trigger handler reads it to find the workflows an event starts.
 */
@Component
@ProcessingGroup("command-side-lookups")
public class WorkflowTriggerUpdater {

    private final JdbcTemplate jdbc;

    public WorkflowTriggerUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkflowDefined event) {
        // A new workflow starts enabled.
        jdbc.update("""
                INSERT INTO workflow_trigger (workflow_id, tenant_id, workspace_id, trigger_type, event_type, enabled)
                VALUES (?, ?, ?, ?, ?, true)
                ON CONFLICT (workflow_id) DO UPDATE SET trigger_type = EXCLUDED.trigger_type,
                    event_type = EXCLUDED.event_type, enabled = true
                """, event.workflowId().value(), event.tenantId().value(), event.workspaceId().value(),
                event.trigger().type().name(), event.trigger().eventType());
    }

    @EventHandler
    void on(WorkflowDefinitionUpdated event) {
        Trigger trigger = event.trigger();
        jdbc.update("UPDATE workflow_trigger SET trigger_type = ?, event_type = ? WHERE workflow_id = ?",
                trigger.type().name(), trigger.eventType(), event.workflowId().value());
    }

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
}
