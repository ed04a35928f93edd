package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The workflow accepts run requests again. */
@Revision("1")
public record WorkflowEnabled(WorkflowId workflowId, WorkspaceId workspaceId, TenantId tenantId) {
}
