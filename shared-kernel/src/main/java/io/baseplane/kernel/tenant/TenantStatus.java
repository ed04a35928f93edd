package io.baseplane.kernel.tenant;

/** Lifecycle of a tenant. */
public enum TenantStatus {
    ACTIVE,
    /** Accepts no new work: no workspaces, members, syncs or workflow runs. */
    SUSPENDED
}
