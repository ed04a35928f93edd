package io.baseplane.command.testing;

import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.command.tenant.TenantStanding;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A tenant directory a test fills by hand; a tenant it was not told about does not exist. */
public class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<TenantId, TenantStanding> standings = new HashMap<>();

    public InMemoryTenantDirectory active(TenantId tenantId, Plan plan) {
        standings.put(tenantId, new TenantStanding(plan, TenantStatus.ACTIVE));
        return this;
    }

    public InMemoryTenantDirectory suspended(TenantId tenantId, Plan plan) {
        standings.put(tenantId, new TenantStanding(plan, TenantStatus.SUSPENDED));
        return this;
    }

    public InMemoryTenantDirectory onboardingFailed(TenantId tenantId, Plan plan) {
        standings.put(tenantId, new TenantStanding(plan, TenantStatus.ONBOARDING_FAILED));
        return this;
    }

    public InMemoryTenantDirectory onboarding(TenantId tenantId, Plan plan) {
        standings.put(tenantId, new TenantStanding(plan, TenantStatus.ONBOARDING));
        return this;
    }

    @Override
    public Optional<TenantStanding> find(TenantId tenantId) {
        return Optional.ofNullable(standings.get(tenantId));
    }
}
