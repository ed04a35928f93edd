package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A run exists, with the steps it will execute in order and its input. */
@Revision("1")
public record WorkflowRunStarted(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                                 List<WorkflowStep> steps, Map<String, String> input) {
}
