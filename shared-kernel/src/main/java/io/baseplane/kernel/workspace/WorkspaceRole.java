package io.baseplane.kernel.workspace;

/** What a member may do in a workspace; a workspace always keeps at least one {@link #OWNER}. */
public enum WorkspaceRole {
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER;

    /** Whether this role may do what {@code needed} may; roles are declared from most to least powerful. */
    public boolean atLeast(WorkspaceRole needed) {
        return ordinal() <= needed.ordinal();
    }
}
