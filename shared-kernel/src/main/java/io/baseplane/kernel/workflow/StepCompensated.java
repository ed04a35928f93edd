package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A succeeded step was undone. */
@Revision("1")
public record StepCompensated(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                              int stepIndex, String stepName) {
}
