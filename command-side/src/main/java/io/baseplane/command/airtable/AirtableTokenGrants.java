package io.baseplane.command.airtable;

import io.baseplane.kernel.tenant.TenantId;

/**
 * Which tenants may use the Airtable access token under a {@code tokenRef}. A sync connects, and runs, only
 * with a token its tenant was granted: naming another tenant's token must not read that tenant's bases.
 */
public interface AirtableTokenGrants {

    boolean granted(TenantId tenantId, String tokenRef);
}
