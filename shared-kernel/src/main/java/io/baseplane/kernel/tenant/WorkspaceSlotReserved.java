package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.common.UserId;
import org.axonframework.serialization.Revision;

/** A workspace slot is held for a workspace being provisioned; starts the provisioning saga. */
@Revision("1")
public record WorkspaceSlotReserved(TenantId tenantId, WorkspaceId workspaceId, String workspaceName, String description, UserId requestedBy) {
}
