package io.baseplane.kernel.tenant.query;

import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.tenant.TenantId;

/** One tenant's view; answered with {@link TenantView}, or not found (also for another tenant's caller). */
public record FindTenantQuery(TenantId tenantId) {

    public FindTenantQuery {
        Ids.requireNonNull("tenantId", tenantId);
    }
}
