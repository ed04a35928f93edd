package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** First step of provisioning: takes one of the plan's workspace slots for a workspace to be created. */
public record ReserveWorkspaceSlotCommand(@TargetAggregateIdentifier TenantId tenantId, WorkspaceId workspaceId, String workspaceName, String description, UserId requestedBy) {
}
