package io.baseplane.command.testing;

import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.command.workspace.OpenWorkspaces;
import io.baseplane.command.workspace.WorkspaceDirectory;
import io.baseplane.command.workspace.WorkspaceStanding;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A workspace directory a test fills by hand; a workspace it was not told about does not exist. */
public class InMemoryWorkspaceDirectory implements WorkspaceDirectory {

    private final Map<WorkspaceId, WorkspaceStanding> standings = new HashMap<>();

    /** The gate of a tenant on the TEAM plan with one active workspace: everything is open. */
    public static OpenWorkspaces allOpen(TenantId tenantId, WorkspaceId workspaceId) {
        return gate(new InMemoryWorkspaceDirectory().with(tenantId, workspaceId, WorkspaceStatus.ACTIVE),
                new InMemoryTenantDirectory().active(tenantId, Plan.TEAM));
    }

    public static OpenWorkspaces gate(WorkspaceDirectory workspaces, TenantDirectory tenants) {
        return new OpenWorkspaces(workspaces, tenants);
    }

    public InMemoryWorkspaceDirectory with(TenantId tenantId, WorkspaceId workspaceId, WorkspaceStatus status) {
        standings.put(workspaceId, new WorkspaceStanding(tenantId, status));
        return this;
    }

    @Override
    public Optional<WorkspaceStanding> find(WorkspaceId workspaceId) {
        return Optional.ofNullable(standings.get(workspaceId));
    }
}
