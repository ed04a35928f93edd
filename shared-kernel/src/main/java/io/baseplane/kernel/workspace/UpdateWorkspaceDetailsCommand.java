package io.baseplane.kernel.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Renames and/or re-describes a workspace; a null field stays as it is. */
public record UpdateWorkspaceDetailsCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String name, String description, @TargetAggregateVersion Long expectedVersion) {
}
