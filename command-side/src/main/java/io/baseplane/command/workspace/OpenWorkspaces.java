package io.baseplane.command.workspace;

import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.command.tenant.TenantRefusals;
import io.baseplane.command.tenant.TenantStanding;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import org.springframework.stereotype.Component;

/**
 * The rule every piece of new work inside a workspace obeys (a sync, a workflow, a run): the workspace
 * exists in the caller's tenant, is active, and its tenant accepts new work. Command handlers take it as a
 * parameter; Axon resolves it from the application context.
 */
@Component
public class OpenWorkspaces {

    private final WorkspaceDirectory workspaces;
    private final TenantDirectory tenants;

    public OpenWorkspaces(WorkspaceDirectory workspaces, TenantDirectory tenants) {
        this.workspaces = workspaces;
        this.tenants = tenants;
    }

    /**
     * @throws NotFoundException      the workspace does not exist or belongs to another tenant (the same
     *                                answer, so nothing leaks across tenants)
     * @throws RuleViolationException the workspace is archived, or the tenant is suspended or not usable
     */
    public void requireOpen(TenantId tenantId, WorkspaceId workspaceId) {
        WorkspaceStanding workspace = workspaces.find(workspaceId)
                .filter(standing -> standing.tenantId().equals(tenantId))
                .filter(standing -> standing.status() != WorkspaceStatus.DISCARDED)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        if (workspace.status() == WorkspaceStatus.ARCHIVED) {
            throw new RuleViolationException("workspace.archived",
                    "Workspace " + workspaceId + " is archived and accepts no new work");
        }
        TenantStanding tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
        if (!tenant.acceptsNewWork()) {
            throw TenantRefusals.noNewWork(tenantId, tenant.status());
        }
    }
}
