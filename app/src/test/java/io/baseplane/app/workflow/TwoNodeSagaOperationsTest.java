package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.compensation;
import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.SecondNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Operators' actions work on any node: a second platform instance on the same database (an application context of
 * its own, with a node name of its own) takes the retry and the abort of sagas whose processor segments the first
 * instance holds. Its deadline scheduler competes for the same deadlines, so retries and outcomes run on either
 * node, and a saga is never handled by both at once (its row is locked while one does).
 */
class TwoNodeSagaOperationsTest extends WorkspaceWorkflowTestBase {

    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    private final LocalEndpoint endpoint = new LocalEndpoint();
    private Api secondNodeApi;

    @BeforeEach
    void startASecondNodeOnTheSameDatabase() {
        if (secondNode == null) {
            secondNode = SecondNode.startOn(environment);
        }
        secondNodeApi = secondNode.api().as(tokens.token("ops-2", null, "PLATFORM_OPERATOR"));
    }

    @AfterEach
    void stopTheEndpoint() {
        endpoint.close();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void aSagaParkedOnOneNodeIsRetriedThroughTheOther() {
        String workflowId = defineAndEnabled(workflow("Sync invoices", manual(), List.of(
                step("push", "HTTP_CALL", Map.of("url", endpoint.url("/flaky/push"), "method", "POST")))));
        String runId = requestRun(workflowId);
        String sagaId = sagaReaching(runId, "PARKED").get("sagaId").asText();

        endpoint.recover();
        Api.Response retried = secondNodeApi.post("/api/v1/ops/sagas/" + sagaId + "/retry",
                Map.of("reason", "retried from the second node"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        runReaching(runId, "COMPLETED");
        assertThat(journalOf(runId)).endsWith("push OPERATOR_RETRY", "push RESUMED", "push SUCCEEDED", "end ENDED");
    }

    @Test
    void aSagaParkedOnOneNodeIsAbortedThroughTheOther() {
        String workflowId = defineAndEnabled(workflow("Place order", manual(), List.of(
                step("reserve", "HTTP_CALL", Map.of("url", endpoint.url("/ok/reserve"), "method", "POST"),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/undo/reserve"), "method", "DELETE"))),
                step("charge", "HTTP_CALL", Map.of("url", endpoint.url("/fail/charge"), "method", "POST")))));
        String runId = requestRun(workflowId);
        String sagaId = sagaReaching(runId, "PARKED").get("sagaId").asText();

        Api.Response aborted = secondNodeApi.post("/api/v1/ops/sagas/" + sagaId + "/abort",
                Map.of("reason", "aborted from the second node"));

        assertThat(aborted.status()).as(aborted.toString()).isEqualTo(202);
        JsonNode run = runReaching(runId, "COMPENSATED");
        assertThat(statuses(run)).containsExactly("COMPENSATED", "FAILED");
        assertThat(endpoint.requests()).endsWith("DELETE /undo/reserve");
    }

    private JsonNode sagaReaching(String runId, String status) {
        JsonNode[] saga = new JsonNode[1];
        eventually(() -> {
            JsonNode items = secondNodeApi.get("/api/v1/ops/sagas?type=WorkflowExecution&tenantId=" + tenantId
                    + "&q=" + runId).json().get("items");
            saga[0] = items.size() == 1 ? items.get(0) : null;
            return saga[0] != null && status.equals(saga[0].get("status").asText());
        });
        return saga[0];
    }
}
