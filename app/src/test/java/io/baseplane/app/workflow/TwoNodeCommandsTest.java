package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.SecondNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Two platform instances on one database, each with its aggregate cache: a client that sends its commands to either
 * node is answered as if there were one. No command decides on an aggregate the other node has changed since it was
 * cached, so a sequential client hears no 409 or 412 it did not cause, and a workflow whose steps and deadlines run
 * on both nodes completes.
 */
class TwoNodeCommandsTest extends WorkspaceWorkflowTestBase {

    private static final int COMMANDS = 200;
    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    private Api secondNodeApi;

    @BeforeEach
    void startASecondNodeOnTheSameDatabase() {
        if (secondNode == null) {
            secondNode = SecondNode.startOn(environment);
        }
        secondNodeApi = secondNode.api();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void aClientAlternatingNodesWithIfMatchHearsNoConflictItDidNotCause() {
        String token = tokens.tenantAdmin(tenantId, "olivia");
        Api[] nodes = {api.as(token), secondNodeApi.as(token)};
        long version = events.typesOf(workspaceId).size() - 1L;
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < COMMANDS; i++) {
            Api.Response renamed = nodes[i % 2].header("If-Match", "\"" + version + "\"")
                    .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Operations " + i));
            statuses.merge(renamed.status(), 1, Integer::sum);
            if (renamed.status() == 200) {
                version = renamed.json().get("version").asLong();
            }
        }

        assertThat(statuses).containsExactly(Map.entry(200, COMMANDS));
        assertThat(events.typesOf(workspaceId).size() - 1L).isEqualTo(version);
    }

    @Test
    void aClientAlternatingNodesWithoutIfMatchHasEveryCommandApplied() {
        String token = tokens.tenantAdmin(tenantId, "olivia");
        Api[] nodes = {api.as(token), secondNodeApi.as(token)};
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < COMMANDS; i++) {
            statuses.add(nodes[i % 2].patch("/api/v1/workspaces/" + workspaceId,
                    Map.of("description", "change " + i)).status());
        }

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void workflowsWhoseDelaysFireOnEitherNodeComplete() {
        String workflowId = defineAndEnabled(workflow("Remind", manual(), List.of(
                step("tell", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "first")),
                step("wait", "DELAY", Map.of("seconds", "1")),
                step("tell again", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "second")))));
        String token = tokens.tenantAdmin(tenantId, "olivia");
        Api[] nodes = {api.as(token), secondNodeApi.as(token)};
        List<String> runs = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            Api.Response accepted = nodes[i % 2].post("/api/v1/workflows/" + workflowId + "/runs", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            runs.add(accepted.json().get("id").asText());
        }

        for (String runId : runs) {
            assertThat(statuses(runReaching(runId, "COMPLETED"))).containsOnly("SUCCEEDED");
        }
    }
}
