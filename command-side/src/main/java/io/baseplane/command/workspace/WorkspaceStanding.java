package io.baseplane.command.workspace;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceStatus;

/** What aggregates living in a workspace need to know about it: whose it is and whether it takes changes. */
public record WorkspaceStanding(TenantId tenantId, WorkspaceStatus status) {
}
