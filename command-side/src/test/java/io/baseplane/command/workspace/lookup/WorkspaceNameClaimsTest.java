package io.baseplane.command.workspace.lookup;

import static io.baseplane.command.testing.DomainMatchers.violates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.MatcherAssert.assertThat;

import io.baseplane.command.testing.RecordingJdbcTemplate;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import org.junit.jupiter.api.Test;

/**
 * The claim table as the last guard of name uniqueness. The SQL needs PostgreSQL and is not run here;
 * a recording JdbcTemplate shows what the handler asks of the table and how it reacts to a lost race.
 */
class WorkspaceNameClaimsTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
    private final WorkspaceNameClaims claims = new WorkspaceNameClaims(jdbc);

    @Test
    void claimsTheNormalisedKeyOfANewWorkspace() {
        claims.on(new WorkspaceCreated(workspaceId, tenantId, "Design", ""));

        assertThat(jdbc.statements).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).contains("INSERT INTO workspace_name_claim").contains("ON CONFLICT DO NOTHING");
            assertThat(statement.args()).containsExactly(tenantId.value(), "design", workspaceId.value());
        });
    }

    @Test
    void failsTheCreationThatLosesTheRaceForAName() {
        jdbc.rowsInserted = 0;

        assertThatThrownBy(() -> claims.on(new WorkspaceCreated(workspaceId, tenantId, "Design", "")))
                .satisfies(thrown -> assertThat(thrown, violates("workspace.name-taken")))
                .hasMessage("A workspace named 'Design' already exists in this tenant");
    }

    @Test
    void aRenameReleasesTheOldClaimBeforeClaimingTheNewName() {
        claims.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Research"));

        assertThat(jdbc.statements).extracting(RecordingJdbcTemplate.Statement::sql)
                .satisfiesExactly(
                        sql -> assertThat(sql).startsWith("DELETE FROM workspace_name_claim"),
                        sql -> assertThat(sql).contains("INSERT INTO workspace_name_claim"));
        assertThat(jdbc.statements.get(1).args()).contains("research");
    }

    @Test
    void failsARenameThatLosesTheRaceForAName() {
        jdbc.rowsInserted = 0;

        assertThatThrownBy(() -> claims.on(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Research")))
                .satisfies(thrown -> assertThat(thrown, violates("workspace.name-taken")));
    }

    @Test
    void aDiscardReleasesTheClaim() {
        claims.on(new WorkspaceDiscarded(workspaceId, tenantId, "Design", "failed"));

        assertThat(jdbc.statements).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).startsWith("DELETE FROM workspace_name_claim");
            assertThat(statement.args()).containsExactly(workspaceId.value());
        });
    }
}
