package io.baseplane.command.workspace;

import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Optional;

/**
 * The command side's own lookup of every workspace's tenant and status, kept in the same transaction as
 * the Workspace's events. Aggregates that live in a workspace (syncs, workflows) ask it instead of loading
 * the Workspace or trusting a projection that may lag.
 */
public interface WorkspaceDirectory {

    Optional<WorkspaceStanding> find(WorkspaceId workspaceId);
}
