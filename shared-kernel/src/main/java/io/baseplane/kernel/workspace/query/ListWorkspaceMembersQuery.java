package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.workspace.WorkspaceId;

/**
 * One page of a workspace's members, longest-standing first (by since, then user id), answered with a
 * {@code ResultPage<MemberView>}; not found for another tenant's caller.
 */
public record ListWorkspaceMembersQuery(WorkspaceId workspaceId, int page, int size) {

    public ListWorkspaceMembersQuery {
        Ids.requireNonNull("workspaceId", workspaceId);
        Pages.require(page, size);
    }
}
