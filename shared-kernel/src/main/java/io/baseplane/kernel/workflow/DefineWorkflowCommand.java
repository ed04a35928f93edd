package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a workflow in a workspace; it starts enabled. */
public record DefineWorkflowCommand(@TargetAggregateIdentifier WorkflowId workflowId, WorkspaceId workspaceId, TenantId tenantId,
                                    String name, Trigger trigger, List<WorkflowStep> steps) {
}
