package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a workspace; its name must be unique within the tenant. */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, TenantId tenantId, String name, String description) {
}
