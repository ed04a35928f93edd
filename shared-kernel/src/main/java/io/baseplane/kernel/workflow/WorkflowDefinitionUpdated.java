package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The workflow's name, trigger and steps are now these. */
@Revision("1")
public record WorkflowDefinitionUpdated(WorkflowId workflowId, WorkspaceId workspaceId, TenantId tenantId,
                                        String name, Trigger trigger, List<WorkflowStep> steps) {
}
