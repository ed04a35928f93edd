package io.baseplane.kernel.tenant;

/** Lifecycle of a tenant. */
public enum TenantStatus {
    /** Created; the onboarding saga is setting up its default workspace. It may already be used. */
    ONBOARDING,
    ACTIVE,
    /** Accepts no new work: no workspaces, members, syncs or workflow runs. */
    SUSPENDED,
    /** Onboarding could not finish and was rolled back; accepts no new work until an operator reactivates it. */
    ONBOARDING_FAILED;

    public boolean acceptsNewWork() {
        return this == ONBOARDING || this == ACTIVE;
    }
}
