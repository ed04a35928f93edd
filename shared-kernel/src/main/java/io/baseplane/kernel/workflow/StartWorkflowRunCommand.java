package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the run of a requested execution (sent by the execution saga). */
public record StartWorkflowRunCommand(@TargetAggregateIdentifier WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId,
                                      WorkspaceId workspaceId, List<WorkflowStep> steps, Map<String, String> input) {
}
