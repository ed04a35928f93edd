package io.baseplane.app.workflow;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.CompleteWorkflowRunCommand;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.DisableWorkflowCommand;
import io.baseplane.kernel.workflow.MarkCompensationFailedCommand;
import io.baseplane.kernel.workflow.MarkStepCompensatedCommand;
import io.baseplane.kernel.workflow.MarkStepFailedCommand;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.StartStepCommand;
import io.baseplane.kernel.workflow.StartWorkflowRunCommand;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.UpdateWorkflowDefinitionCommand;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workflow query API end to end on PostgreSQL: commands through Axon (the tests drive the run's steps
 * themselves, with the execution saga held, so every state is seen exactly), the projectors on their pooled processor, then the views
 * over HTTP with read-your-writes, ETags, paging and tenant isolation.
 * The tests play the execution saga themselves; the real one waits until each is done.
 */
@ExtendWith(HandDrivenRuns.class)
class WorkflowQueryApiTest extends WorkspaceWorkflowTestBase {

    private static final String SECRET_URL = "https://crm.example.com/export?key=s3cr3t";

    @Autowired
    private CommandGateway commandGateway;


    // ---- a workspace's workflows --------------------------------------------------------------------

    @Test
    void workflowsOfAWorkspaceArePagedOldestFirstInAStableOrderWithoutStepParameters() {
        List<String> defined = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WorkflowId workflowId = WorkflowId.random();
            defined.add(workflowId.toString());
            define(workflowId, "Workflow " + i);
        }
        eventually(() -> totalOf(workflowsPath()) == 5);

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = workflowsPage(page, 2);
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("totalItems").asLong()).isEqualTo(5);
            assertThat(body.get("items").size()).isEqualTo(page < 2 ? 2 : 1);
            body.get("items").forEach(item -> listed.add(item.get("id").asText()));
        }
        assertThat(listed).containsExactlyElementsOf(defined);

        Api.Response response = member().get(workflowsPath() + "?size=5");
        assertThat(response.body()).doesNotContain(SECRET_URL).doesNotContain("parameters");
        JsonNode first = response.json().at("/items/0");
        assertThat(first.get("name").asText()).isEqualTo("Workflow 0");
        assertThat(first.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(first.get("workspaceId").asText()).isEqualTo(workspaceId);
        assertThat(first.at("/trigger/type").asText()).isEqualTo("MANUAL");
        assertThat(first.get("enabled").asBoolean()).isTrue();
        assertThat(first.get("steps").findValuesAsText("name")).containsExactly("fetch", "announce", "store");
        assertThat(first.get("steps").findValuesAsText("type")).containsExactly("HTTP_CALL", "NOTIFY", "UPSERT_RECORD");
        assertThat(first.at("/steps/0/compensationType").asText()).isEqualTo("HTTP_CALL");
        assertThat(first.at("/steps/1/compensationType").isNull()).isTrue();
        assertThat(first.get("version").asLong()).isZero();
    }

    @Test
    void aChangedDefinitionAndADisabledWorkflowShowInTheList() {
        WorkflowId workflowId = WorkflowId.random();
        define(workflowId, "Nightly");
        send(new UpdateWorkflowDefinitionCommand(workflowId, "Nightly export", Trigger.schedule("0 0 2 * * *"),
                List.of(new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "5"), null, null)), null));
        send(new DisableWorkflowCommand(workflowId, null));

        eventually(() -> totalOf(workflowsPath()) == 1 && workflowsPage(0, 10).at("/items/0/version").asLong() == 2);
        JsonNode workflow = workflowsPage(0, 10).at("/items/0");
        assertThat(workflow.get("name").asText()).isEqualTo("Nightly export");
        assertThat(workflow.at("/trigger/type").asText()).isEqualTo("SCHEDULE");
        assertThat(workflow.at("/trigger/cron").asText()).isEqualTo("0 0 2 * * *");
        assertThat(workflow.get("steps").findValuesAsText("name")).containsExactly("wait");
        assertThat(workflow.get("enabled").asBoolean()).isFalse();
        assertThat(workflow.get("version").asLong()).isEqualTo(events.typesOf(workflowId).size() - 1);
    }

    @Test
    void anEmptyWorkspaceListsNothingWhileAnUnknownOrForeignOneIsNotFound() {
        eventually(() -> member().get(workflowsPath()).status() == 200);
        JsonNode empty = member().get(workflowsPath()).json();
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("totalItems").asLong()).isZero();

        assertProblem(member().get("/api/v1/workspaces/" + UUID.randomUUID() + "/workflows"), 404);
        define(WorkflowId.random(), "Mine");
        eventually(() -> totalOf(workflowsPath()) == 1);
        Api.Response foreign = otherTenant().get(workflowsPath());
        assertProblem(foreign, 404);
        assertThat(foreign.body()).doesNotContain("Mine").doesNotContain(tenantId);
        assertThat(api.as(tokens.operator()).get(workflowsPath()).json().get("totalItems").asLong()).isEqualTo(1);
    }

    // ---- a run and its steps ------------------------------------------------------------------------

    @Test
    void aRunShowsEachStepRunningAndSucceedingUntilItCompletes() {
        WorkflowId workflowId = define(WorkflowId.random(), "Export");
        WorkflowRunId runId = start(workflowId);

        JsonNode started = runAtVersion(runId);
        assertThat(started.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("workflowId").asText()).isEqualTo(workflowId.toString());
        assertThat(started.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(started.get("workspaceId").asText()).isEqualTo(workspaceId);
        assertThat(statuses(started)).containsExactly("PENDING", "PENDING", "PENDING");
        assertThat(started.get("version").asLong()).isZero();

        send(new StartStepCommand(runId, 0));
        JsonNode running = runAtVersion(runId);
        assertThat(statuses(running)).containsExactly("RUNNING", "PENDING", "PENDING");
        assertThat(running.at("/steps/0/startedAt").isNull()).isFalse();

        for (int step = 0; step < 3; step++) {
            if (step > 0) {
                send(new StartStepCommand(runId, step));
            }
            send(new MarkStepSucceededCommand(runId, step, Map.of("status", "ok")));
        }
        send(new CompleteWorkflowRunCommand(runId));

        Api.Response response = atVersion(runPath(runId), version(runId));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode completed = response.json();
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(statuses(completed)).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(completed.get("finishedAt").isNull()).isFalse();
        assertThat(completed.at("/steps/2/finishedAt").isNull()).isFalse();
        assertThat(completed.get("version").asLong()).isEqualTo(version(runId));
        assertThat(response.header("ETag")).isEqualTo("\"" + version(runId) + "\"");
        assertThat(response.body()).doesNotContain("\"status\":\"ok\"");
    }

    @Test
    void aFailedStepIsCompensatedInReverseAndStepsWithoutCompensationStaySucceeded() {
        WorkflowId workflowId = define(WorkflowId.random(), "Export");
        WorkflowRunId runId = start(workflowId);
        succeed(runId, 0);
        succeed(runId, 1);
        send(new StartStepCommand(runId, 2));
        send(new MarkStepFailedCommand(runId, 2, "UPSERT refused: table is read-only"));

        JsonNode failed = runAtVersion(runId);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).isEqualTo("UPSERT refused: table is read-only");
        assertThat(statuses(failed)).containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED");
        assertThat(failed.at("/steps/2/error").asText()).isEqualTo("UPSERT refused: table is read-only");

        send(new BeginCompensationCommand(runId, "step store failed"));
        JsonNode compensating = runAtVersion(runId);
        assertThat(compensating.get("status").asText()).isEqualTo("COMPENSATING");
        assertThat(compensating.get("failureReason").asText()).isEqualTo("UPSERT refused: table is read-only");

        send(new MarkStepCompensatedCommand(runId, 0));
        JsonNode compensated = runAtVersion(runId);
        assertThat(compensated.get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(statuses(compensated)).containsExactly("COMPENSATED", "SUCCEEDED", "FAILED");
        assertThat(compensated.at("/steps/0/compensatedAt").isNull()).isFalse();
        assertThat(compensated.at("/steps/1/compensatedAt").isNull()).isTrue();
        assertThat(compensated.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void aCompensationThatFailsLeavesTheRunCompensationFailedWithTheStepsError() {
        WorkflowId workflowId = define(WorkflowId.random(), "Export");
        WorkflowRunId runId = start(workflowId);
        succeed(runId, 0);
        send(new StartStepCommand(runId, 1));
        send(new MarkStepFailedCommand(runId, 1, "mail server down"));
        send(new BeginCompensationCommand(runId, "step announce failed"));
        send(new MarkCompensationFailedCommand(runId, 0, "DELETE answered 403"));

        JsonNode run = runAtVersion(runId);
        assertThat(run.get("status").asText()).isEqualTo("COMPENSATION_FAILED");
        assertThat(statuses(run)).containsExactly("COMPENSATION_FAILED", "FAILED", "PENDING");
        assertThat(run.at("/steps/0/error").asText()).isEqualTo("DELETE answered 403");
        assertThat(run.at("/steps/1/error").asText()).isEqualTo("mail server down");
        assertThat(run.get("finishedAt").isNull()).isFalse();
    }

    // ---- a workflow's runs --------------------------------------------------------------------------

    @Test
    void runsOfAWorkflowArePagedNewestFirstInAStableOrder() {
        WorkflowId workflowId = define(WorkflowId.random(), "Export");
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(start(workflowId).toString());
        }
        eventually(() -> totalOf(runsPath(workflowId)) == 3);

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            JsonNode body = runsPage(workflowId, page, 2);
            assertThat(body.get("totalItems").asLong()).isEqualTo(3);
            assertThat(body.get("items").size()).isEqualTo(page == 0 ? 2 : 1);
            body.get("items").forEach(item -> listed.add(item.get("runId").asText()));
        }
        Collections.reverse(started);
        assertThat(listed).containsExactlyElementsOf(started);
        runsPage(workflowId, 0, 3).get("items").forEach(item -> {
            assertThat(item.get("status").asText()).isEqualTo("RUNNING");
            assertThat(statuses(item)).containsExactly("PENDING", "PENDING", "PENDING");
        });
        eventually(() -> totalOf(workflowsPath()) == 1 && workflowsPage(0, 10).at("/items/0/runsRequested").asLong() == 3);
    }

    // ---- tenant isolation ---------------------------------------------------------------------------

    @Test
    void anotherTenantFindsNeitherTheRunsNorTheRunAndLearnsNothing() {
        WorkflowId workflowId = define(WorkflowId.random(), "Export");
        WorkflowRunId runId = start(workflowId);
        runAtVersion(runId);
        eventually(() -> member().get(runsPath(workflowId)).status() == 200);

        for (String path : List.of(runsPath(workflowId), runPath(runId))) {
            Api.Response refused = otherTenant().get(path);
            assertProblem(refused, 404);
            assertThat(refused.body()).doesNotContain("fetch").doesNotContain(tenantId).doesNotContain(workspaceId);
            assertThat(refused.header("ETag")).isNull();
        }

        Api operator = api.as(tokens.operator());
        assertThat(operator.get(runPath(runId)).status()).isEqualTo(200);
        assertThat(operator.get(runsPath(workflowId)).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void unknownWorkflowsAndRunsAreNotFound() {
        assertProblem(member().get("/api/v1/workflows/" + UUID.randomUUID() + "/runs"), 404);
        assertProblem(member().get("/api/v1/workflow-runs/" + UUID.randomUUID()), 404);
    }

    // ---- bad input ----------------------------------------------------------------------------------

    @Test
    void malformedIdsAndPagesAreRefusedWithTheField() {
        assertInvalidField(member().get("/api/v1/workspaces/nope/workflows"), "workspaceId");
        assertInvalidField(member().get("/api/v1/workflows/1234-5678/runs"), "workflowId");
        assertInvalidField(member().get("/api/v1/workflow-runs/123"), "runId");
        assertInvalidField(member().get(workflowsPath() + "?page=-1"), "page");
        assertInvalidField(member().get(workflowsPath() + "?size=0"), "size");
        assertInvalidField(member().get(workflowsPath() + "?size=201"), "size");
        assertInvalidField(member().get("/api/v1/workflows/" + UUID.randomUUID() + "/runs?size=1000"), "size");
        assertInvalidField(member().get("/api/v1/workflows/" + UUID.randomUUID() + "/runs?page=x"), "page");
        assertInvalidField(member().header("X-Min-Version", "-1").get("/api/v1/workflow-runs/" + UUID.randomUUID()),
                "X-Min-Version");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("tenantId", tenantId, "userId", "olivia")));
    }

    private static List<WorkflowStep> steps() {
        return List.of(
                new WorkflowStep("fetch", StepType.HTTP_CALL, Map.of("url", SECRET_URL), 30,
                        new CompensationStep(StepType.HTTP_CALL, Map.of("url", "https://crm.example.com/undo", "method", "DELETE"))),
                new WorkflowStep("announce", StepType.NOTIFY, Map.of("recipient", "ops", "message", "exported"), null, null),
                new WorkflowStep("store", StepType.UPSERT_RECORD, Map.of("table", "exports", "record", "{}"), null, null));
    }

    private WorkflowId define(WorkflowId workflowId, String name) {
        send(new DefineWorkflowCommand(workflowId, WorkspaceId.of(workspaceId), TenantId.of(tenantId), name,
                Trigger.manual(), steps()));
        return workflowId;
    }

    /** Requests a run on the workflow and starts it, as the execution saga would. */
    private WorkflowRunId start(WorkflowId workflowId) {
        WorkflowRunId runId = WorkflowRunId.random();
        send(new RequestWorkflowRunCommand(workflowId, runId, Map.of("day", "monday")));
        send(new StartWorkflowRunCommand(runId, workflowId, TenantId.of(tenantId), WorkspaceId.of(workspaceId), steps(),
                Map.of("day", "monday")));
        return runId;
    }

    private void succeed(WorkflowRunId runId, int step) {
        send(new StartStepCommand(runId, step));
        send(new MarkStepSucceededCommand(runId, step, Map.of()));
    }

    private long version(WorkflowRunId runId) {
        return events.typesOf(runId).size() - 1;
    }

    private Api member() {
        return api.as(tokens.member(tenantId, "bob"));
    }

    private Api otherTenant() {
        return api.as(tokens.tenantAdmin(UUID.randomUUID().toString(), "mallory"));
    }

    private static String runsPath(WorkflowId workflowId) {
        return "/api/v1/workflows/" + workflowId + "/runs";
    }

    private static String runPath(WorkflowRunId runId) {
        return "/api/v1/workflow-runs/" + runId;
    }

    private JsonNode workflowsPage(int page, int size) {
        Api.Response response = member().get(workflowsPath() + "?page=" + page + "&size=" + size);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode runsPage(WorkflowId workflowId, int page, int size) {
        Api.Response response = member().get(runsPath(workflowId) + "?page=" + page + "&size=" + size);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Total items of a list, or -1 while it cannot be read (its parent not projected yet). */
    private long totalOf(String path) {
        Api.Response response = member().get(path);
        return response.status() == 200 ? response.json().get("totalItems").asLong() : -1;
    }

    /**
     * A GET with {@code X-Min-Version}, asked again while the answer is 503: the test profile waits only
     * half a second, and on a busy machine the processor may take longer.
     */
    private Api.Response atVersion(String path, long version) {
        Api.Response[] last = new Api.Response[1];
        eventually(() -> (last[0] = member().header("X-Min-Version", Long.toString(version)).get(path)).status() != 503);
        return last[0];
    }

    /** The run once its view reflects the run aggregate's current version. */
    private JsonNode runAtVersion(WorkflowRunId runId) {
        Api.Response response = atVersion(runPath(runId), version(runId));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version(runId));
        assertThat(response.header("ETag")).isEqualTo("\"" + version(runId) + "\"");
        return response.json();
    }
}
