package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;
import org.axonframework.serialization.Revision;

/** The workspace has a new name. */
@Revision("1")
public record WorkspaceRenamed(WorkspaceId workspaceId, TenantId tenantId, String previousName, String name) {
}
