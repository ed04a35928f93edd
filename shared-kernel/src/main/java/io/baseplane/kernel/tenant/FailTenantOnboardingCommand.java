package io.baseplane.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends onboarding as failed, after its partial work was rolled back (sent by the onboarding saga). */
public record FailTenantOnboardingCommand(@TargetAggregateIdentifier TenantId tenantId, String reason) {
}
