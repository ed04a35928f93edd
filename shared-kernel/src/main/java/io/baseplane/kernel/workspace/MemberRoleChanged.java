package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.common.UserId;
import org.axonframework.serialization.Revision;

/** A member's role changed. */
@Revision("1")
public record MemberRoleChanged(WorkspaceId workspaceId, TenantId tenantId, UserId userId, WorkspaceRole previousRole, WorkspaceRole role) {
}
