package io.baseplane.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lifts a suspension. */
public record ReactivateTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
