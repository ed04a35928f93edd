package io.baseplane.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Suspends a tenant: it accepts no new work until reactivated. */
public record SuspendTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
