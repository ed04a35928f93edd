package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.serialization.Revision;

/** The workspace has a new description. */
@Revision("1")
public record WorkspaceDescriptionChanged(WorkspaceId workspaceId, TenantId tenantId, String description) {
}
