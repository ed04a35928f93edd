package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.serialization.Revision;

/** A workspace exists in a tenant. */
@Revision("1")
public record WorkspaceCreated(WorkspaceId workspaceId, TenantId tenantId, String name, String description) {
}
