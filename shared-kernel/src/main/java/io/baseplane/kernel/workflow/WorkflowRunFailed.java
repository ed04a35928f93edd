package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/**
 * The run is over, FAILED: a step failed for good (or an operator aborted the run) and no succeeded step had
 * anything to undo, so there was nothing to compensate.
 */
@Revision("1")
public record WorkflowRunFailed(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                                String reason) {
}
