package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A workflow exists in a workspace, enabled. */
@Revision("1")
public record WorkflowDefined(WorkflowId workflowId, WorkspaceId workspaceId, TenantId tenantId,
                              String name, Trigger trigger, List<WorkflowStep> steps) {
}
