package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.compensation;
import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.onEvent;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Workflows end to end through HTTP and PostgreSQL: defined and run over the API, executed by the saga
 * against a real local HTTP server, the outbox, the record table and the persistent deadline manager;
 * compensation in reverse; a workflow started by a platform event.
 */
class WorkflowExecutionApiTest extends WorkspaceWorkflowTestBase {

    @Autowired
    private EventGateway eventGateway;

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private DeadlineManager deadlineManager;

    @Autowired
    private org.axonframework.config.Configuration axonConfiguration;

    private final LocalEndpoint endpoint = new LocalEndpoint();
    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void deadlinesArePersistentAndAxonUsesNoOtherManager() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(axonConfiguration.deadlineManager()).isSameAs(deadlineManager);
    }

    @Test
    void aRunOfEveryStepTypeCompletesWithTheDelayKeptInTheDatabase() {
        Api.Response defined = admin().post(workflowsPath(), workflow("Place order", manual(), List.of(
                step("reserve", "HTTP_CALL", Map.of("url", endpoint.url("/ok/reserve/{{input.order}}"), "method", "POST")),
                step("tell", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "Order {{input.order}} placed")),
                step("wait", "DELAY", Map.of("seconds", "1")),
                step("store", "UPSERT_RECORD", Map.of("table", "orders", "key", "{{input.order}}",
                        "record", "{\"order\":\"{{input.order}}\",\"total\":12}")))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String workflowId = defined.json().get("id").asText();
        assertThat(defined.json().get("version").asLong()).isZero();
        assertThat(defined.header("ETag")).isEqualTo("\"0\"");
        assertThat(defined.header("Location")).isEqualTo("/api/v1/workflows/" + workflowId);

        Api.Response accepted = admin().post("/api/v1/workflows/" + workflowId + "/runs", Map.of("input", Map.of("order", "A-1")));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String runId = accepted.json().get("id").asText();
        assertThat(accepted.json().get("version").asLong()).isZero();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/workflow-runs/" + runId);

        // While the delay runs, its deadline is a row of scheduled_tasks, readable as JSON.
        eventually(() -> sagaOf(runId) != null);
        String sagaId = sagaOf(runId);
        eventually(() -> delayDeadlinesOf(sagaId) == 1);
        assertThat(endpoint.requests()).containsExactly("POST /ok/reserve/A-1");

        JsonNode run = runReaching(runId, "COMPLETED");
        assertThat(statuses(run)).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(run.get("workflowId").asText()).isEqualTo(workflowId);
        assertThat(delayDeadlinesOf(sagaId)).isZero();
        assertThat(endpoint.idempotencyKeys()).containsExactly(runId + ":0");
        assertThat(jdbc.queryForList("select recipient || ' ' || topic || ' ' || body from notification_outbox "
                + "where tenant_id = ?::uuid and topic = 'workflow.notify'", String.class, tenantId))
                .containsExactly("ops@example.com workflow.notify Order A-1 placed");
        assertThat(jdbc.queryForList("select fields::text from workflow_record where workspace_id = ?::uuid "
                + "and table_name = 'orders' and record_key = 'A-1'", String.class, workspaceId))
                .containsExactly("{\"order\": \"A-1\", \"total\": 12}");
        assertThat(journalOf(runId)).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "tell STARTED", "tell SUCCEEDED",
                "wait STARTED", "wait SUCCEEDED", "store STARTED", "store SUCCEEDED", "end ENDED");
        eventually(() -> jdbc.queryForObject("select count(*) from association_value_entry where association_value = ?",
                Long.class, runId) == 0);
    }

    @Test
    void aStepThatFailsForGoodHasTheEarlierStepsCompensatedInReverse() {
        String workflowId = defineAndEnabled(workflow("Place order", manual(), List.of(
                step("reserve", "HTTP_CALL", Map.of("url", endpoint.url("/ok/reserve"), "method", "POST"),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/undo/reserve"), "method", "DELETE"))),
                step("store", "UPSERT_RECORD", Map.of("table", "orders", "record", "{\"order\":\"B-2\"}"),
                        compensation("UPSERT_RECORD", Map.of("table", "orders", "delete", "true"))),
                step("tell", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "placed")),
                step("charge", "HTTP_CALL", Map.of("url", endpoint.url("/refuse/charge?key=s3cr3t"), "method", "POST")))));

        String runId = requestRun(workflowId);

        JsonNode run = runReaching(runId, "COMPENSATED");
        assertThat(statuses(run)).containsExactly("COMPENSATED", "COMPENSATED", "SUCCEEDED", "FAILED");
        assertThat(run.at("/steps/3/error").asText()).isEqualTo("POST 127.0.0.1:" + port(endpoint) + "/refuse/charge answered 400");
        assertThat(run.toString()).doesNotContain("s3cr3t");
        assertThat(endpoint.requests()).containsExactly("POST /ok/reserve", "POST /refuse/charge", "DELETE /undo/reserve");
        // The upsert wrote the run's own record (keyed by the run), and its compensation deleted it.
        assertThat(jdbc.queryForObject("select count(*) from workflow_record where workspace_id = ?::uuid",
                Long.class, workspaceId)).isZero();
        assertThat(journalOf(runId)).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "store STARTED", "store SUCCEEDED", "tell STARTED",
                "tell SUCCEEDED", "charge STARTED", "charge FAILED", "store COMPENSATING", "store COMPENSATED",
                "reserve COMPENSATING", "reserve COMPENSATED", "end ENDED");
    }

    @Test
    void aRunWhoseFirstStepIsRefusedEndsFailedWithNothingCompensated() {
        String workflowId = defineAndEnabled(workflow("Charge", manual(), List.of(
                step("charge", "HTTP_CALL", Map.of("url", endpoint.url("/refuse/charge"), "method", "POST"),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/undo/charge"), "method", "DELETE"))),
                step("tell", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "charged")))));

        String runId = requestRun(workflowId);

        eventually(() -> jdbc.queryForList("select status from saga_instance where saga_type = 'WorkflowExecution' "
                + "and saga_key = ?", String.class, runId).equals(List.of("FAILED")));
        JsonNode run = runReaching(runId, "FAILED");
        eventually(() -> !runReaching(runId, "FAILED").get("finishedAt").isNull());
        assertThat(statuses(run)).containsExactly("FAILED", "PENDING");
        assertThat(run.get("failureReason").asText()).isEqualTo("POST 127.0.0.1:" + port(endpoint) + "/refuse/charge answered 400");
        assertThat(endpoint.requests()).containsExactly("POST /refuse/charge");
        assertThat(journalOf(runId)).containsExactly("charge STARTED", "charge FAILED", "end ENDED");
    }

    @Test
    void aCompensationThatFailsLeavesTheRunForOperators() {
        String workflowId = defineAndEnabled(workflow("Place order", manual(), List.of(
                step("reserve", "HTTP_CALL", Map.of("url", endpoint.url("/ok/reserve")),
                        compensation("HTTP_CALL", Map.of("url", endpoint.url("/refuse/undo"), "method", "DELETE"))),
                step("charge", "HTTP_CALL", Map.of("url", endpoint.url("/refuse/charge"))))));

        String runId = requestRun(workflowId);

        JsonNode run = runReaching(runId, "COMPENSATION_FAILED");
        assertThat(statuses(run)).containsExactly("COMPENSATION_FAILED", "FAILED");
        assertThat(run.at("/steps/0/error").asText()).endsWith("/refuse/undo answered 400");
        assertThat(journalOf(runId)).endsWith("reserve COMPENSATING", "reserve COMPENSATION_FAILED", "end ENDED");
    }

    @Test
    void aWorkflowTriggeredByACompletedSyncStartsOnThatEventInItsWorkspaceOnly() {
        String triggered = defineAndEnabled(workflow("After sync", onEvent("airtable.sync.completed"), List.of(
                step("announce", "HTTP_CALL", Map.of("url", endpoint.url("/ok/synced/{{input.totalRecords}}"), "method", "POST")))));
        String disabled = defineAndEnabled(workflow("Switched off", onEvent("airtable.sync.completed"), List.of(
                step("announce", "HTTP_CALL", Map.of("url", endpoint.url("/ok/disabled"))))));
        assertThat(admin().post("/api/v1/workflows/" + disabled + "/disable", null).status()).isEqualTo(200);
        String byHand = defineAndEnabled(workflow("By hand", manual(), List.of(
                step("announce", "HTTP_CALL", Map.of("url", endpoint.url("/ok/manual"))))));
        String otherWorkspace = provisionWorkspace(tenantId, "olivia", "Elsewhere");

        publishSyncCompleted(otherWorkspace, 7);
        publishSyncCompleted(workspaceId, 42);

        eventually(() -> runsOf(triggered).size() == 1);
        String runId = runsOf(triggered).get(0);
        runReaching(runId, "COMPLETED");
        assertThat(endpoint.requests()).containsExactly("POST /ok/synced/42");
        assertThat(runsOf(disabled)).isEmpty();
        assertThat(runsOf(byHand)).isEmpty();
    }

    @Test
    void aRunRequestedTwiceRunsOnce() {
        String workflowId = defineAndEnabled(workflow("Once", manual(), List.of(
                step("call", "HTTP_CALL", Map.of("url", endpoint.url("/ok/once"))))));
        String runId = UUID.randomUUID().toString();

        // The same run requested twice, as a redelivered trigger would (triggers derive the run id from the
        // event or fire time; HTTP requests always get a new one): the run refuses to start again.
        requestRunAs(workflowId, runId);
        runReaching(runId, "COMPLETED");
        requestRunAs(workflowId, runId);
        // A later run shows the saga processor got past the repeat.
        String later = requestRun(workflowId);
        runReaching(later, "COMPLETED");

        assertThat(endpoint.idempotencyKeys()).containsExactly(runId + ":0", later + ":0");
        assertThat(events.typesOf(runId)).containsOnlyOnce("WorkflowRunStarted");
        assertThat(journalOf(runId)).containsExactly("call STARTED", "call SUCCEEDED", "end ENDED");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void publishSyncCompleted(String workspace, long records) {
        eventGateway.publish(GenericEventMessage.asEventMessage(new SyncRunCompleted(AirtableSyncId.random(),
                        SyncRunId.random(), TenantId.of(tenantId), WorkspaceId.of(workspace), records))
                .andMetaData(Map.of("tenantId", tenantId, "userId", "olivia")));
    }

    /** The run ids of a workflow's runs, from the event store (the trigger runs on its own processor). */
    private List<String> runsOf(String workflowId) {
        return runRequests(workflowId).stream().map(request -> request.get("runId").asText()).toList();
    }

    /** The id of the saga executing the run, while it is active. */
    private String sagaOf(String runId) {
        return jdbc.queryForList("select saga_id from association_value_entry "
                + "where association_key = 'runId' and association_value = ?", String.class, runId)
                .stream().findFirst().orElse(null);
    }

    /** Delay deadlines of the saga waiting in db-scheduler's table (the task data is JSON text). */
    private long delayDeadlinesOf(String sagaId) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where convert_from(task_data, 'UTF8') "
                + "like '%workflow-delay-elapsed%' and convert_from(task_data, 'UTF8') like ?",
                Long.class, "%" + sagaId + "%");
    }

    private static int port(LocalEndpoint endpoint) {
        return Integer.parseInt(endpoint.url("").substring("http://127.0.0.1:".length()));
    }

    /** A run request with a chosen id, sent as a trigger sends it: straight to the workflow, in its tenant. */
    private void requestRunAs(String workflowId, String runId) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RequestWorkflowRunCommand(WorkflowId.of(workflowId), WorkflowRunId.of(runId), Map.of()))
                .andMetaData(Map.of("tenantId", tenantId, "userId", "trigger")));
    }
}
