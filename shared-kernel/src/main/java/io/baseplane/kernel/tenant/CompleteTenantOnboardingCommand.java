package io.baseplane.kernel.tenant;

import io.baseplane.kernel.workspace.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends onboarding well: the default workspace is ready and its owner welcomed (sent by the onboarding saga). */
public record CompleteTenantOnboardingCommand(@TargetAggregateIdentifier TenantId tenantId,
                                              WorkspaceId defaultWorkspaceId) {
}
