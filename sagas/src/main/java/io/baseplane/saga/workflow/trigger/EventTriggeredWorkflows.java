package io.baseplane.saga.workflow.trigger;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;

/** Finds the enabled workflows of a workspace whose EVENT trigger names an event type. */
public interface EventTriggeredWorkflows {

    List<WorkflowId> enabledFor(TenantId tenantId, WorkspaceId workspaceId, String eventType);
}
