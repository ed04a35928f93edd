package io.baseplane.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves a tenant to another plan; a downgrade below current usage is refused. */
public record ChangeTenantPlanCommand(@TargetAggregateIdentifier TenantId tenantId, Plan plan, @TargetAggregateVersion Long expectedVersion) {
}
