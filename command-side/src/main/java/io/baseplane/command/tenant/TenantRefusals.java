package io.baseplane.command.tenant;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantStatus;

/** The one wording of "this tenant takes no new work", whichever aggregate finds it out. */
public final class TenantRefusals {

    private TenantRefusals() {
    }

    public static RuleViolationException noNewWork(TenantId tenantId, TenantStatus status) {
        if (status == TenantStatus.ONBOARDING_FAILED) {
            return new RuleViolationException("tenant.onboarding-failed", "Onboarding of tenant " + tenantId
                    + " failed; it accepts no new work until an operator reactivates it");
        }
        return new RuleViolationException("tenant.suspended",
                "Tenant " + tenantId + " is suspended and accepts no new work");
    }
}
