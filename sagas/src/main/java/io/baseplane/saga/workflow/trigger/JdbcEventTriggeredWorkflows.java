package io.baseplane.saga.workflow.trigger;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code workflow_trigger}, the command side's lookup of workflow triggers (V11), which is written in
 * the Workflow's event transaction; so a workflow enabled or disabled before the triggering event was
 * handled is seen as such.
 */
@Component
public class JdbcEventTriggeredWorkflows implements EventTriggeredWorkflows {

    private final JdbcTemplate jdbc;

    public JdbcEventTriggeredWorkflows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkflowId> enabledFor(TenantId tenantId, WorkspaceId workspaceId, String eventType) {
        return jdbc.query("""
                        SELECT workflow_id FROM workflow_trigger
                        WHERE workspace_id = ? AND tenant_id = ? AND trigger_type = 'EVENT' AND event_type = ? AND enabled
                        ORDER BY workflow_id
                        """,
                (row, n) -> new WorkflowId(row.getObject("workflow_id", UUID.class)),
                workspaceId.value(), tenantId.value(), eventType);
    }
}
