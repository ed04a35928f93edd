package io.baseplane.kernel.workspace;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a workspace with its first owner; its name must be unique within the tenant. The owner comes
 * with the creation so that the workspace never exists, and never takes commands, without one.
 */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, TenantId tenantId, String name, String description, UserId owner) {
}
