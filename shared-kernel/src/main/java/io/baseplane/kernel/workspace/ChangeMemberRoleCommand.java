package io.baseplane.kernel.workspace;

import io.baseplane.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives a member another role; the last owner cannot be demoted. */
public record ChangeMemberRoleCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, UserId userId, WorkspaceRole role, @TargetAggregateVersion Long expectedVersion) {
}
