package io.baseplane.kernel.tenant;

import io.baseplane.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a tenant on a plan; a client may choose the id to make creation retry-safe. {@code owner} is the
 * user who owns the tenant's default workspace and is welcomed; null means the caller.
 */
public record CreateTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String name, Plan plan, UserId owner) {

    public CreateTenantCommand(TenantId tenantId, String name, Plan plan) {
        this(tenantId, name, plan, null);
    }
}
