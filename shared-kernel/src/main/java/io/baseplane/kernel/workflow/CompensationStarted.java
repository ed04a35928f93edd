package io.baseplane.kernel.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Compensation began. {@code stepsToCompensate} lists, in the order they must be undone (reverse), the
 * succeeded steps that define a compensation; succeeded steps without one have nothing to undo.
 */
@Revision("1")
public record CompensationStarted(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                                  String reason, List<Integer> stepsToCompensate) {
}
