package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A run was requested; carries what the run saga needs to reach Airtable (the token by reference only). */
@Revision("1")
public record SyncRunRequested(AirtableSyncId syncId, SyncRunId runId, TenantId tenantId, WorkspaceId workspaceId,
                               String baseId, List<String> tableIds, String tokenRef) {
}
