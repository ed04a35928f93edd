package io.baseplane.command.workspace;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.workspace.WorkspaceId;

/** The one wording of "this workspace id is already used", whichever aggregate finds it out. */
public final class WorkspaceRefusals {

    private WorkspaceRefusals() {
    }

    /** Says neither what holds the id nor in which tenant: that may be another tenant's business. */
    public static RuleViolationException idTaken(WorkspaceId workspaceId) {
        return new RuleViolationException("workspace.id-taken",
                "The id " + workspaceId + " is already in use; choose another id for the workspace");
    }
}
