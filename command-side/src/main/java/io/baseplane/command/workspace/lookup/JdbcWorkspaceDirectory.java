package io.baseplane.command.workspace.lookup;

import io.baseplane.command.workspace.WorkspaceDirectory;
import io.baseplane.command.workspace.WorkspaceStanding;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code workspace_directory}, which {@link WorkspaceDirectoryUpdater} keeps. */
@Component
public class JdbcWorkspaceDirectory implements WorkspaceDirectory {

    private final JdbcTemplate jdbc;

    public JdbcWorkspaceDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<WorkspaceStanding> find(WorkspaceId workspaceId) {
        return jdbc.query("SELECT tenant_id, status FROM workspace_directory WHERE workspace_id = ?",
                        (row, n) -> new WorkspaceStanding(new TenantId(row.getObject("tenant_id", UUID.class)),
                                WorkspaceStatus.valueOf(row.getString("status"))),
                        workspaceId.value())
                .stream()
                .findFirst();
    }
}
