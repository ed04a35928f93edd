package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.common.UserId;
import org.axonframework.serialization.Revision;

/** A user is no longer a member of the workspace. */
@Revision("1")
public record MemberRemoved(WorkspaceId workspaceId, TenantId tenantId, UserId userId, WorkspaceRole previousRole) {
}
