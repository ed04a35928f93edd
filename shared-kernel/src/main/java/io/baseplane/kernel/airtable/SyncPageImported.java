package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** One page of a table's records was staged; staged records become visible when the run completes. */
@Revision("1")
public record SyncPageImported(AirtableSyncId syncId, SyncRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                               String tableId, int pageNumber, int recordCount) {
}
