package io.baseplane.kernel.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Compensation of a failed provisioning: the workspace is gone and its name free again. */
public record DiscardWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String reason) {
}
