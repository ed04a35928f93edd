package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The run finished; its staged records are now the visible ones. */
@Revision("1")
public record SyncRunCompleted(AirtableSyncId syncId, SyncRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                               long totalRecords) {
}
