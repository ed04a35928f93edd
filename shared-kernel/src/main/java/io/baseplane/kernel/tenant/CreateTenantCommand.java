package io.baseplane.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a tenant on a plan; a client may choose the id to make creation retry-safe. */
public record CreateTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String name, Plan plan) {
}
