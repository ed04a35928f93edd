package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** Every step of the run succeeded. */
@Revision("1")
public record WorkflowRunCompleted(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId) {
}
