package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a reserved slot back; the compensation of a provisioning that failed. */
public record ReleaseWorkspaceSlotCommand(@TargetAggregateIdentifier TenantId tenantId, WorkspaceId workspaceId, String reason) {
}
