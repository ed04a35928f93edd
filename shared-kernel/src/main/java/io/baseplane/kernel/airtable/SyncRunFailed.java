package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The run failed for good; compensation (discarding its staged records) is due. */
@Revision("1")
public record SyncRunFailed(AirtableSyncId syncId, SyncRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                            String reason) {
}
