package io.baseplane.command.workspace.lookup;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workspace_member_count}, so a plan change can compare the new member limit with the
 * tenant's fullest workspace without loading every Workspace aggregate.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class WorkspaceMemberCountUpdater {

    private final JdbcTemplate jdbc;

    public WorkspaceMemberCountUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreated event) {
        jdbc.update("""
                INSERT INTO workspace_member_count (workspace_id, tenant_id, member_count) VALUES (?, ?, 0)
                ON CONFLICT (workspace_id) DO NOTHING
                """, event.workspaceId().value(), event.tenantId().value());
    }

    @EventHandler
    void on(MemberAdded event) {
        jdbc.update("UPDATE workspace_member_count SET member_count = member_count + 1 WHERE workspace_id = ?",
                event.workspaceId().value());
    }

    @EventHandler
    void on(MemberRemoved event) {
        jdbc.update("UPDATE workspace_member_count SET member_count = member_count - 1 WHERE workspace_id = ?",
                event.workspaceId().value());
    }

    /** A discarded workspace no longer exists, so its members must not hold a plan change back. */
    @EventHandler
    void on(WorkspaceDiscarded event) {
        jdbc.update("DELETE FROM workspace_member_count WHERE workspace_id = ?", event.workspaceId().value());
    }
}
