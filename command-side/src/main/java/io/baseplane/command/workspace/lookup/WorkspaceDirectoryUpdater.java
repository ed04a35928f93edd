package io.baseplane.command.workspace.lookup;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code workspace_directory} in step with the Workspace aggregate, in the events' transaction. */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class WorkspaceDirectoryUpdater {

    private final JdbcTemplate jdbc;

    public WorkspaceDirectoryUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreated event) {
        jdbc.update("""
                INSERT INTO workspace_directory (workspace_id, tenant_id, status) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, status = EXCLUDED.status
                """, event.workspaceId().value(), event.tenantId().value(), WorkspaceStatus.ACTIVE.name());
    }

    @EventHandler
    void on(WorkspaceArchived event) {
        setStatus(event.workspaceId().value(), WorkspaceStatus.ARCHIVED);
    }

    @EventHandler
    void on(WorkspaceDiscarded event) {
        setStatus(event.workspaceId().value(), WorkspaceStatus.DISCARDED);
    }

    private void setStatus(UUID workspaceId, WorkspaceStatus status) {
        jdbc.update("UPDATE workspace_directory SET status = ? WHERE workspace_id = ?", status.name(), workspaceId);
    }
}
