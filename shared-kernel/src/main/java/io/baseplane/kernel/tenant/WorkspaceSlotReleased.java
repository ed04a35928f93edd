package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A reserved slot was given back, with the reason. */
@Revision("1")
public record WorkspaceSlotReleased(TenantId tenantId, WorkspaceId workspaceId, String reason) {
}
