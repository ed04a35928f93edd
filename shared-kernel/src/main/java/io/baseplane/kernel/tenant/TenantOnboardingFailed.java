package io.baseplane.kernel.tenant;

import org.axonframework.serialization.Revision;

/** Onboarding could not finish; what it had done was rolled back. The reason says which step failed. */
@Revision("1")
public record TenantOnboardingFailed(TenantId tenantId, String reason) {
}
