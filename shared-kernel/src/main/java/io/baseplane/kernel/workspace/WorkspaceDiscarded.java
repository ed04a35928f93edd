package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.serialization.Revision;

/** A workspace whose provisioning failed was discarded; its name is free again. */
@Revision("1")
public record WorkspaceDiscarded(WorkspaceId workspaceId, TenantId tenantId, String name, String reason) {
}
