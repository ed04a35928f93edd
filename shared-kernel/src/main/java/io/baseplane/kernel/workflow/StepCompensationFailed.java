package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A step could not be undone; the run ends {@link WorkflowRunStatus#COMPENSATION_FAILED} for operators to handle. */
@Revision("1")
public record StepCompensationFailed(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                                     int stepIndex, String stepName, String reason) {
}
