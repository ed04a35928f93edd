package io.baseplane.command.workspace.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.command.testing.RecordingJdbcTemplate;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import org.junit.jupiter.api.Test;

/** The member counts a plan change compares its new limit with. */
class WorkspaceMemberCountUpdaterTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
    private final WorkspaceMemberCountUpdater updater = new WorkspaceMemberCountUpdater(jdbc);

    @Test
    void startsANewWorkspaceAtZeroMembers() {
        updater.on(new WorkspaceCreated(workspaceId, tenantId, "Design", ""));

        assertThat(jdbc.statements).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).contains("INSERT INTO workspace_member_count").contains("0)");
            assertThat(statement.args()).containsExactly(workspaceId.value(), tenantId.value());
        });
    }

    @Test
    void countsAddedAndRemovedMembers() {
        updater.on(new MemberAdded(workspaceId, tenantId, new UserId("alice"), WorkspaceRole.OWNER));
        updater.on(new MemberRemoved(workspaceId, tenantId, new UserId("alice"), WorkspaceRole.OWNER));

        assertThat(jdbc.statements).extracting(RecordingJdbcTemplate.Statement::sql).satisfiesExactly(
                sql -> assertThat(sql).contains("member_count = member_count + 1"),
                sql -> assertThat(sql).contains("member_count = member_count - 1"));
    }

    /**
     * A workspace is created with its owner in one command: both events reach this handler in order, in the
     * one transaction, so the owner's increment finds the row the creation just inserted and counts 1.
     */
    @Test
    void countsTheOwnerAddedByTheCreatingCommand() {
        updater.on(new WorkspaceCreated(workspaceId, tenantId, "Design", ""));
        updater.on(new MemberAdded(workspaceId, tenantId, new UserId("alice"), WorkspaceRole.OWNER));

        assertThat(jdbc.statements).satisfiesExactly(
                insert -> assertThat(insert.sql()).startsWith("INSERT INTO workspace_member_count").contains("0)"),
                increment -> {
                    assertThat(increment.sql()).contains("member_count = member_count + 1");
                    assertThat(increment.args()).containsExactly(workspaceId.value());
                });
    }

    @Test
    void forgetsADiscardedWorkspace() {
        updater.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design", "failed"));

        assertThat(jdbc.statements).singleElement().satisfies(statement ->
                assertThat(statement.sql()).startsWith("DELETE FROM workspace_member_count"));
    }
}
