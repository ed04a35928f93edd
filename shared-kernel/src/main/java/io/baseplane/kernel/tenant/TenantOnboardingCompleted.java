package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.serialization.Revision;

/** Onboarding finished: the default workspace exists and its owner was welcomed. */
@Revision("1")
public record TenantOnboardingCompleted(TenantId tenantId, WorkspaceId defaultWorkspaceId) {
}
