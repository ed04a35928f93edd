package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A run was requested; carries the steps as defined now, so later edits do not change this run. */
@Revision("1")
public record WorkflowRunRequested(WorkflowId workflowId, WorkflowRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                                   List<WorkflowStep> steps, Map<String, String> input) {
}
