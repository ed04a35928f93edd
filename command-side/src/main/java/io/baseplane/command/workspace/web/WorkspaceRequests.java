package io.baseplane.command.workspace.web;

import io.baseplane.kernel.workspace.WorkspaceRole;

/** Request bodies of the workspace endpoints. */
final class WorkspaceRequests {

    private WorkspaceRequests() {
    }

    /** Either field may be left out to keep its current value. */
    record UpdateDetails(String name, String description) {
    }

    record AddMember(String userId, WorkspaceRole role) {
    }

    record ChangeRole(WorkspaceRole role) {
    }
}
