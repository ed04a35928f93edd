package io.baseplane.kernel.tenant;

/** A tenant's plan, and the quotas it sets. */
public enum Plan {
    FREE(3, 5),
    TEAM(25, 50),
    ENTERPRISE(Integer.MAX_VALUE, 1000);

    private final int maxWorkspaces;
    private final int maxMembersPerWorkspace;

    Plan(int maxWorkspaces, int maxMembersPerWorkspace) {
        this.maxWorkspaces = maxWorkspaces;
        this.maxMembersPerWorkspace = maxMembersPerWorkspace;
    }

    /** Workspaces a tenant may hold; {@link Integer#MAX_VALUE} means unlimited. */
    public int maxWorkspaces() {
        return maxWorkspaces;
    }

    public int maxMembersPerWorkspace() {
        return maxMembersPerWorkspace;
    }
}
