package io.baseplane.kernel.workspace;

import io.baseplane.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a user to a workspace with a role, within the plan's member limit. */
public record AddMemberCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, UserId userId, WorkspaceRole role, @TargetAggregateVersion Long expectedVersion) {
}
