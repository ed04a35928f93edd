package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.compensation;
import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operating sagas from the outside, on the real platform: a workflow's HTTP target that answers 500 makes its run
 * retry and then park; the parked run shows as stuck in the operators' list and summary; once the target is back,
 * an operator's retry completes it. Another parked run is aborted, and its succeeded steps are compensated in
 * reverse order. (The test profile parks after three attempts, 100 ms apart at first.)
 */
class SagaOperationsEndToEndTest extends WorkspaceWorkflowTestBase {

    private final LocalEndpoint endpoint = new LocalEndpoint();

    @AfterEach
    void stopTheEndpoint() {
        endpoint.close();
    }

    @Test
    void aRunWhoseTargetKeepsFailingParksShowsAsStuckAndCompletesOnAnOperatorsRetry() {
        String workflowId = defineAndEnabled(workflow("Sync invoices", manual(), List.of(
                step("push", "HTTP_CALL", Map.of("url", endpoint.url("/flaky/push"), "method", "POST")))));
        String runId = requestRun(workflowId);

        JsonNode parked = sagaReaching(runId, "PARKED");
        assertThat(parked.get("stuck").asBoolean()).isTrue();
        assertThat(parked.get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.get("currentStep").asText()).isEqualTo("push");
        assertThat(parked.get("lastError").asText()).contains("answered 500");
        assertThat(endpoint.requestsTo("/flaky/push")).isEqualTo(3);
        assertThat(journalOf(runId)).containsExactly("push STARTED", "push RETRYING", "push RETRYING", "push PARKED");
        assertThat(runView(runId).get("status").asText()).as("a technical failure never compensates").isEqualTo("RUNNING");
        assertThat(stuckListOf().findValuesAsText("key")).contains(runId);
        JsonNode summary = operator().get("/api/v1/ops/sagas/summary").json();
        assertThat(summary.get("stuck").asLong()).isPositive();

        endpoint.recover();
        Api.Response retried = operator().post("/api/v1/ops/sagas/" + parked.get("sagaId").asText() + "/retry",
                Map.of("reason", "the invoicing service is back"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        runReaching(runId, "COMPLETED");
        assertThat(sagaReaching(runId, "COMPLETED").get("stuck").asBoolean()).isFalse();
        assertThat(journalOf(runId)).endsWith("push PARKED", "push OPERATOR_RETRY", "push RESUMED", "push SUCCEEDED", "end ENDED");
        assertThat(operatorEntries(runId)).containsExactly("OPERATOR_RETRY the invoicing service is back by ops");
        assertThat(jdbc.queryForObject("select count(*) from audit_event_log where payload_type like '%.SagaRetryRequested' "
                + "and payload ->> 'sagaId' = ? and meta_data ->> 'userId' = 'ops'", Long.class,
                parked.get("sagaId").asText())).isEqualTo(1);
    }

    @Test
    void anAbortedRunHasItsSucceededStepsCompensatedInReverseOrder() {
        String workflowId = defineAndEnabled(workflow("Place order", manual(), List.of(
                step("reserve", "HTTP_CALL", Map.of("url", endpoint.url("/ok/reserve"), "method", "POST"),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/undo/reserve"), "method", "DELETE"))),
                step("store", "UPSERT_RECORD", Map.of("table", "orders", "record", "{\"order\":\"C-3\"}"),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/undo/store"), "method", "DELETE"))),
                step("charge", "HTTP_CALL", Map.of("url", endpoint.url("/fail/charge"), "method", "POST")))));
        String runId = requestRun(workflowId);
        String sagaId = sagaReaching(runId, "PARKED").get("sagaId").asText();

        Api.Response aborted = operator().post("/api/v1/ops/sagas/" + sagaId + "/abort",
                Map.of("reason", "payment provider is down for the day"));

        assertThat(aborted.status()).as(aborted.toString()).isEqualTo(202);
        JsonNode run = runReaching(runId, "COMPENSATED");
        assertThat(statuses(run)).containsExactly("COMPENSATED", "COMPENSATED", "FAILED");
        assertThat(run.at("/steps/2/error").asText()).contains("payment provider is down for the day");
        assertThat(endpoint.requests()).endsWith("DELETE /undo/store", "DELETE /undo/reserve");
        assertThat(sagaReaching(runId, "COMPENSATED").get("endedAt").isNull()).isFalse();
        assertThat(operatorEntries(runId)).containsExactly("OPERATOR_ABORT payment provider is down for the day by ops");
        Api.Response again = operator().post("/api/v1/ops/sagas/" + sagaId + "/retry", Map.of("reason", "too late"));
        assertThat(again.status()).as("an ended saga cannot be moved").isEqualTo(409);
    }

    @Test
    void aSagaWhoseStoredStateCannotBeReadIsParkedAndEveryOtherSagaGoesOn() {
        String flaky = defineAndEnabled(workflow("Sync invoices", manual(), List.of(
                step("push", "HTTP_CALL", Map.of("url", endpoint.url("/flaky/push"), "method", "POST")))));
        String damagedRun = requestRun(flaky);
        String sagaId = sagaReaching(damagedRun, "PARKED").get("sagaId").asText();
        jdbc.update("update saga_entry set serialized_saga = convert_to('{damaged', 'UTF8') where saga_id = ?", sagaId);
        endpoint.recover();

        assertThat(operator().post("/api/v1/ops/sagas/" + sagaId + "/retry", Map.of("reason", "try it")).status())
                .isEqualTo(202);

        eventually(() -> journalOf(damagedRun).contains("load saga state PARKED"));
        JsonNode parked = sagaReaching(damagedRun, "PARKED");
        assertThat(parked.get("currentStep").asText()).isEqualTo("load saga state");
        assertThat(parked.get("lastError").asText()).contains("cannot be read");
        // The processor did not stop at the damaged saga: the next run of the same workflow completes.
        runReaching(requestRun(flaky), "COMPLETED");
    }

    private Api operator() {
        return api.as(tokens.token("ops", null, "PLATFORM_OPERATOR"));
    }

    /** The run's saga as the operators' list shows it, once it has {@code status}. */
    private JsonNode sagaReaching(String runId, String status) {
        JsonNode[] saga = new JsonNode[1];
        eventually(() -> {
            JsonNode items = operator().get("/api/v1/ops/sagas?type=WorkflowExecution&tenantId=" + tenantId
                    + "&q=" + runId).json().get("items");
            saga[0] = items.size() == 1 ? items.get(0) : null;
            return saga[0] != null && status.equals(saga[0].get("status").asText());
        });
        return saga[0];
    }

    private JsonNode stuckListOf() {
        return operator().get("/api/v1/ops/sagas?stuck=true&tenantId=" + tenantId).json().get("items");
    }

    private JsonNode runView(String runId) {
        return admin().get("/api/v1/workflow-runs/" + runId).json();
    }

    private List<String> operatorEntries(String runId) {
        return jdbc.queryForList("select transition || ' ' || detail || ' by ' || actor from saga_journal "
                + "where saga_key = ? and actor is not null order by id", String.class, runId);
    }
}
