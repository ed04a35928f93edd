package io.baseplane.kernel.airtable;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Links a workspace to an Airtable base. {@code tokenRef} names the access token in the secret store; the
 * token itself never travels in a command or an event.
 */
public record ConnectAirtableBaseCommand(@TargetAggregateIdentifier AirtableSyncId syncId, WorkspaceId workspaceId, TenantId tenantId,
                                         String baseId, List<String> tableIds, String tokenRef) {
}
