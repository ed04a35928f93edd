package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** Every succeeded step that needed undoing was undone; the run is over. */
@Revision("1")
public record WorkflowRunCompensated(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId) {
}
