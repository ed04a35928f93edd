package io.baseplane.query.workspace;

import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import io.baseplane.kernel.workspace.query.MemberView;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Reads one workspace with its members in a single statement: the hottest query of the platform
 * (docs/adr/0012). One statement is one consistent snapshot, so it needs no transaction around it — with
 * autocommit it is one round trip to PostgreSQL, against seven for a read-only repeatable-read JPA
 * transaction with two selects.
 */
@Component
class WorkspaceViewRows {

    private static final String WORKSPACE_WITH_MEMBERS = """
            select w.workspace_id, w.tenant_id, w.name, w.description, w.status, w.member_count,
                   w.created_at, w.last_active_at, w.version, m.user_id, m.role, m.since
            from workspace_view w
            left join workspace_member_view m on m.workspace_id = w.workspace_id
            where w.workspace_id = ? and w.status <> 'DISCARDED'
            order by m.since, m.user_id""";

    private final JdbcTemplate jdbc;

    WorkspaceViewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspace as its view shows it; empty if there is none or it was discarded. */
    Optional<WorkspaceView> find(WorkspaceId workspaceId) {
        return Optional.ofNullable(jdbc.query(WORKSPACE_WITH_MEMBERS, workspaceWithMembers(), workspaceId.value()));
    }

    private static ResultSetExtractor<WorkspaceView> workspaceWithMembers() {
        return rs -> {
            if (!rs.next()) {
                return null;
            }
            Function<List<MemberView>, WorkspaceView> workspace = workspace(rs);
            List<MemberView> members = new ArrayList<>();
            do {
                String userId = rs.getString("user_id");
                if (userId != null) {
                    members.add(new MemberView(UserId.of(userId), WorkspaceRole.valueOf(rs.getString("role")),
                            instant(rs, "since")));
                }
            } while (rs.next());
            return workspace.apply(members);
        };
    }

    /** The workspace columns (the same on every row), waiting for the members of all rows. */
    private static Function<List<MemberView>, WorkspaceView> workspace(ResultSet rs) throws SQLException {
        WorkspaceId id = new WorkspaceId(rs.getObject("workspace_id", UUID.class));
        TenantId tenantId = new TenantId(rs.getObject("tenant_id", UUID.class));
        String name = rs.getString("name");
        String description = rs.getString("description");
        WorkspaceStatus status = WorkspaceStatus.valueOf(rs.getString("status"));
        int memberCount = rs.getInt("member_count");
        Instant createdAt = instant(rs, "created_at");
        Instant lastActiveAt = instant(rs, "last_active_at");
        long version = rs.getLong("version");
        return members -> new WorkspaceView(id, tenantId, name, description, status, memberCount, members,
                createdAt, lastActiveAt, version);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
