package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A workspace is linked to an Airtable base; {@code tokenRef} is a reference, never the token. */
@Revision("1")
public record AirtableBaseConnected(AirtableSyncId syncId, WorkspaceId workspaceId, TenantId tenantId,
                                    String baseId, List<String> tableIds, String tokenRef) {
}
