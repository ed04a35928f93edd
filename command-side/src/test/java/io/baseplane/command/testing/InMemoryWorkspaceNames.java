package io.baseplane.command.testing;

import io.baseplane.command.workspace.WorkspaceNames;
import io.baseplane.kernel.tenant.TenantId;
import java.util.HashSet;
import java.util.Set;

/** Claimed workspace names, compared with the production {@link WorkspaceNames#key(String)}. */
public class InMemoryWorkspaceNames implements WorkspaceNames {

    private final Set<String> claims = new HashSet<>();

    public InMemoryWorkspaceNames claim(TenantId tenantId, String name) {
        claims.add(claimOf(tenantId, name));
        return this;
    }

    @Override
    public boolean isTaken(TenantId tenantId, String name) {
        return claims.contains(claimOf(tenantId, name));
    }

    private static String claimOf(TenantId tenantId, String name) {
        return tenantId + "/" + WorkspaceNames.key(name);
    }
}
