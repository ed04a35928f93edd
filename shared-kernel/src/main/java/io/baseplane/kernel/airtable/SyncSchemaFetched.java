package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The schema of every synchronised table is known; pages of records may follow. */
@Revision("1")
public record SyncSchemaFetched(AirtableSyncId syncId, SyncRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                                List<TableSchema> tables) {
}
