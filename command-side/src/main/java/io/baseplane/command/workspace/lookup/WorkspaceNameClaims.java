package io.baseplane.command.workspace.lookup;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.command.workspace.WorkspaceNames;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workspace_name_claim}, and is the final guard of name uniqueness. The aggregates check
 * {@link WorkspaceNames#isTaken} early, but two workspaces created with one name at the same moment both
 * pass that check; only one of them can insert the claim. The other's handler throws, and because this
 * processing group runs in the storing transaction and propagates errors, that workspace's events are
 * rolled back and its command fails with {@code workspace.name-taken}.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class WorkspaceNameClaims {

    private final JdbcTemplate jdbc;

    public WorkspaceNameClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreated event) {
        claim(event.tenantId(), event.workspaceId(), event.name());
    }

    @EventHandler
    void on(WorkspaceRenamed event) {
        release(event.workspaceId());
        claim(event.tenantId(), event.workspaceId(), event.name());
    }

    @EventHandler
    void on(WorkspaceDiscarded event) {
        release(event.workspaceId());
    }

    private void claim(TenantId tenantId, WorkspaceId workspaceId, String name) {
        int inserted = jdbc.update("""
                INSERT INTO workspace_name_claim (tenant_id, name_key, workspace_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, tenantId.value(), WorkspaceNames.key(name), workspaceId.value());
        if (inserted == 0) {
            throw new RuleViolationException("workspace.name-taken",
                    "A workspace named '" + name + "' already exists in this tenant");
        }
    }

    /** A workspace holds at most one claim (workspace_id is unique), so its id finds the claim to free. */
    private void release(WorkspaceId workspaceId) {
        jdbc.update("DELETE FROM workspace_name_claim WHERE workspace_id = ?", workspaceId.value());
    }
}
