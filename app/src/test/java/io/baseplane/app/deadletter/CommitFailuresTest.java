package io.baseplane.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A change the database refuses only when the view's batch commits (JPA writes at commit) names no handler; the
 * batch that fails so is handled again event by event, and the event behind the refused change is parked like one
 * whose handler failed. The view goes on with the other workspaces.
 */
class CommitFailuresTest extends DeadLetterTestBase {

    @Test
    void aChangeTheDatabaseRefusesAtCommitIsTracedToItsEventAndParked() {
        String oldName = "committed-" + UUID.randomUUID();
        String workspaceId = workspace(oldName);
        eventually(() -> viewRow(workspaceId) != null);
        String unwritable = unwritableName();

        Api.Response renamed = api.as(tokens.tenantAdmin(tenantId, "owner"))
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", unwritable));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        String beside = workspaceBeside(workspaceId, "beside-" + UUID.randomUUID());

        eventually(() -> viewRow(beside) != null);
        eventually(() -> letters(workspaceId).size() == 1);
        List<Map<String, Object>> letters = letters(workspaceId);
        assertThat(letters.get(0).get("payload_type")).isEqualTo("io.baseplane.kernel.workspace.WorkspaceRenamed");
        assertThat((String) letters.get(0).get("cause_message")).contains("value too long");
        assertThat((String) letters.get(0).get("cause_type")).as("the database's failure, as for a failed handler")
                .endsWith("Exception").doesNotContain("ThrowableCause");
        assertThat(viewRow(workspaceId)).as("the refused rename is not in the view").containsEntry("name", oldName);
        assertThat(letters(beside)).as("the workspace whose handler ran when Hibernate wrote the rename is not parked")
                .isEmpty();
    }
}
