package io.baseplane.command.tenant;

import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantStatus;

/** What other aggregates need to know about a tenant to decide: its quotas and whether it takes new work. */
public record TenantStanding(Plan plan, TenantStatus status) {

    public boolean acceptsNewWork() {
        return status.acceptsNewWork();
    }
}
