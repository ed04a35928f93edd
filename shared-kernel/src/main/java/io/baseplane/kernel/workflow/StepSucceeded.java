package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A step succeeded; if a later step fails for good, this one is compensated. */
@Revision("1")
public record StepSucceeded(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                            int stepIndex, String stepName, Map<String, String> output) {
}
