package io.baseplane.kernel.workspace;

/** Lifecycle of a workspace. */
public enum WorkspaceStatus {
    ACTIVE,
    /** Kept for the record; refuses every change. */
    ARCHIVED,
    /** Compensated away after a failed provisioning. */
    DISCARDED
}
