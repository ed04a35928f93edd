package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The base is no longer linked; no further runs. */
@Revision("1")
public record AirtableBaseDisconnected(AirtableSyncId syncId, TenantId tenantId, WorkspaceId workspaceId) {
}
