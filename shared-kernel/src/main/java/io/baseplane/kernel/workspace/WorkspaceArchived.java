package io.baseplane.kernel.workspace;

import io.baseplane.kernel.tenant.TenantId;

import org.axonframework.serialization.Revision;

/** The workspace is archived and refuses changes. */
@Revision("1")
public record WorkspaceArchived(WorkspaceId workspaceId, TenantId tenantId) {
}
