package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.workspace.WorkspaceId;

/**
 * One workspace with its members; answered with {@link WorkspaceView}, or not found (also for another
 * tenant's caller). As a subscription query, each change of the workspace is an update.
 */
public record FindWorkspaceQuery(WorkspaceId workspaceId) {

    public FindWorkspaceQuery {
        Ids.requireNonNull("workspaceId", workspaceId);
    }
}
