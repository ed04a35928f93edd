package io.baseplane.kernel.workspace;

/** What a member may do in a workspace; a workspace always keeps at least one {@link #OWNER}. */
public enum WorkspaceRole {
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER
}
