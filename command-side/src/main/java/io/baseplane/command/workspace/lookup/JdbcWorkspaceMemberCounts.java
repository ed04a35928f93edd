package io.baseplane.command.workspace.lookup;

import io.baseplane.command.workspace.WorkspaceMemberCounts;
import io.baseplane.kernel.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code workspace_member_count}, which {@link WorkspaceMemberCountUpdater} keeps. */
@Component
public class JdbcWorkspaceMemberCounts implements WorkspaceMemberCounts {

    private final JdbcTemplate jdbc;

    public JdbcWorkspaceMemberCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int largestMemberCount(TenantId tenantId) {
        Integer largest = jdbc.queryForObject(
                "SELECT COALESCE(MAX(member_count), 0) FROM workspace_member_count WHERE tenant_id = ?",
                Integer.class, tenantId.value());
        return largest == null ? 0 : largest;
    }
}
