package io.baseplane.kernel.tenant;

import org.axonframework.serialization.Revision;

/** The tenant's plan, and with it its quotas, changed. */
@Revision("1")
public record TenantPlanChanged(TenantId tenantId, Plan previousPlan, Plan plan) {
}
