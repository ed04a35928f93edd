package io.baseplane.kernel.workspace;

import io.baseplane.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a member; the last owner cannot be removed. */
public record RemoveMemberCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, UserId userId, @TargetAggregateVersion Long expectedVersion) {
}
