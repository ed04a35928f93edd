package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The workflow refuses run requests until enabled. */
@Revision("1")
public record WorkflowDisabled(WorkflowId workflowId, WorkspaceId workspaceId, TenantId tenantId) {
}
