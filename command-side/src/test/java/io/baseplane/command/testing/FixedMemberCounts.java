package io.baseplane.command.testing;

import io.baseplane.command.workspace.WorkspaceMemberCounts;
import io.baseplane.kernel.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;

/** Member counts a test sets per tenant; a tenant not set has no members anywhere. */
public class FixedMemberCounts implements WorkspaceMemberCounts {

    private final Map<TenantId, Integer> largest = new HashMap<>();

    public FixedMemberCounts largest(TenantId tenantId, int members) {
        largest.put(tenantId, members);
        return this;
    }

    @Override
    public int largestMemberCount(TenantId tenantId) {
        return largest.getOrDefault(tenantId, 0);
    }
}
