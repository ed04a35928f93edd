package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A step failed for good; the run is {@link WorkflowRunStatus#FAILED} until compensation begins. */
@Revision("1")
public record StepFailed(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                         int stepIndex, String stepName, String reason) {
}
