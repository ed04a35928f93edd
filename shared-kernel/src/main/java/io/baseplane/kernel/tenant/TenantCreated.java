package io.baseplane.kernel.tenant;

import io.baseplane.kernel.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * A tenant exists, on the given plan, and its onboarding begins. {@code owner} (added later than the
 * other fields, so null in the oldest events) owns the default workspace.
 */
@Revision("1")
public record TenantCreated(TenantId tenantId, String name, Plan plan, UserId owner) {

    public TenantCreated(TenantId tenantId, String name, Plan plan) {
        this(tenantId, name, plan, null);
    }
}
