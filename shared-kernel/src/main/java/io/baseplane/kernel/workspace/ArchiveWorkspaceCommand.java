package io.baseplane.kernel.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archives a workspace; it then refuses every change. */
public record ArchiveWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, @TargetAggregateVersion Long expectedVersion) {
}
