package io.baseplane.command.workspace.lookup;

import io.baseplane.command.workspace.WorkspaceNames;
import io.baseplane.kernel.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code workspace_name_claim}, which {@link WorkspaceNameClaims} keeps. */
@Component
public class JdbcWorkspaceNames implements WorkspaceNames {

    private final JdbcTemplate jdbc;

    public JdbcWorkspaceNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isTaken(TenantId tenantId, String name) {
        Boolean taken = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM workspace_name_claim WHERE tenant_id = ? AND name_key = ?)",
                Boolean.class, tenantId.value(), WorkspaceNames.key(name));
        return Boolean.TRUE.equals(taken);
    }
}
