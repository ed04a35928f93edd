package io.baseplane.command.workspace;

import io.baseplane.kernel.tenant.TenantId;

/** How full the tenant's workspaces are, so a plan change can refuse to go below current usage. */
public interface WorkspaceMemberCounts {

    /** Members of the tenant's most populated workspace; 0 when it has no workspace. */
    int largestMemberCount(TenantId tenantId);
}
