package io.baseplane.app.workflow;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.onEvent;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workflow command endpoints: answers, versions and ETags; who may call them (401, 403, 404 across
 * tenants with nothing written); malformed and invalid definitions (400 with the field, nothing written).
 * The runs requested here execute a single DELAY step, so nothing leaves the machine.
 */
class WorkflowCommandApiTest extends WorkspaceWorkflowTestBase {

    private static final List<Map<String, Object>> WAIT = List.of(step("wait", "DELAY", Map.of("seconds", "1")));

    @Test
    void aDefinitionIsUpdatedDisabledAndEnabledWithItsVersionAsETag() {
        String workflowId = define(workflow("Nightly", manual(), WAIT));

        Api.Response updated = admin().header("If-Match", "\"0\"").put(workflowPath(workflowId),
                workflow("After sync", onEvent("airtable.sync.completed"), WAIT));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");

        Api.Response disabled = admin().post(workflowPath(workflowId) + "/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("version").asLong()).isEqualTo(2);
        assertRuleViolation(admin().post(workflowPath(workflowId) + "/runs", Map.of()), "workflow.disabled");

        Api.Response enabled = admin().post(workflowPath(workflowId) + "/enable", null);
        assertThat(enabled.json().get("version").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select trigger_type || ' ' || event_type || ' ' || enabled from workflow_trigger "
                + "where workflow_id = ?::uuid", String.class, workflowId)).isEqualTo("EVENT airtable.sync.completed true");

        assertProblem(admin().header("If-Match", "\"1\"").put(workflowPath(workflowId), workflow("Late", manual(), WAIT)), 412);
        assertThat(events.typesOf(workflowId)).containsExactly(
                "WorkflowDefined", "WorkflowDefinitionUpdated", "WorkflowDisabled", "WorkflowEnabled");
    }

    @Test
    void aRunRequestCarriesItsInputAndGetsAnIdOfThePlatform() {
        String workflowId = define(workflow("Nightly", manual(), WAIT));

        Api.Response accepted = admin().post(workflowPath(workflowId) + "/runs",
                Map.of("input", Map.of("day", "monday")));
        assertInvalidField(admin().post(workflowPath(workflowId) + "/runs", Map.of("id", UUID.randomUUID().toString())), "id");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String runId = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/workflow-runs/" + runId);
        assertThat(events.rowsOf(workflowId).get(1).get("payload").toString()).contains("\"day\": \"monday\"");
        eventually(() -> events.typesOf(runId).contains("WorkflowRunCompleted"));
    }

    @Test
    void withoutATokenNothingIsAccepted() {
        Api anonymous = api;
        assertProblem(anonymous.post(workflowsPath(), workflow("W", manual(), WAIT)), 401);
        assertProblem(anonymous.put(workflowPath(UUID.randomUUID().toString()), workflow("W", manual(), WAIT)), 401);
        assertProblem(anonymous.post(workflowPath(UUID.randomUUID().toString()) + "/runs", Map.of()), 401);
    }

    @Test
    void membersMayNotDefineChangeOrRunWorkflows() {
        String workflowId = define(workflow("Nightly", manual(), WAIT));
        Api member = api.as(tokens.member(tenantId, "bob"));

        assertProblem(member.post(workflowsPath(), workflow("W", manual(), WAIT)), 403);
        assertProblem(member.put(workflowPath(workflowId), workflow("W", manual(), WAIT)), 403);
        assertProblem(member.post(workflowPath(workflowId) + "/disable", null), 403);
        assertProblem(member.post(workflowPath(workflowId) + "/enable", null), 403);
        assertProblem(member.post(workflowPath(workflowId) + "/runs", Map.of()), 403);
        assertThat(events.typesOf(workflowId)).containsExactly("WorkflowDefined");
    }

    @Test
    void anotherTenantsAdminFindsNothingAndWritesNothing() {
        String workflowId = define(workflow("Nightly", manual(), WAIT));
        Api mallory = api.as(tokens.tenantAdmin(createTenant("TEAM"), "mallory"));
        String theirId = UUID.randomUUID().toString();

        Api.Response foreignDefine = mallory.post(workflowsPath(), withId(theirId, workflow("Mine now", manual(), WAIT)));
        assertProblem(foreignDefine, 404);
        assertThat(foreignDefine.body()).doesNotContain(tenantId);
        assertProblem(mallory.put(workflowPath(workflowId), workflow("Mine now", manual(), WAIT)), 404);
        assertProblem(mallory.post(workflowPath(workflowId) + "/disable", null), 404);
        assertProblem(mallory.post(workflowPath(workflowId) + "/runs", Map.of()), 404);

        assertThat(events.typesOf(theirId)).isEmpty();
        assertThat(events.typesOf(workflowId)).containsExactly("WorkflowDefined");
        assertProblem(admin().post("/api/v1/workspaces/" + UUID.randomUUID() + "/workflows",
                workflow("W", manual(), WAIT)), 404);
        assertProblem(admin().post(workflowPath(UUID.randomUUID().toString()) + "/runs", Map.of()), 404);
    }

    @Test
    void brokenDefinitionsAreRefusedWithTheFieldAndNothingIsWritten() {
        String id = UUID.randomUUID().toString();

        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow("W", manual(),
                List.of(step("teleport", "TELEPORT", Map.of()))))), "steps[0].type");
        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow("W", manual(),
                List.of(step("call", "HTTP_CALL", Map.of("method", "POST")))))), "steps[0].parameters.url");
        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow("W", manual(),
                List.of(step("call", "HTTP_CALL", Map.of("url", "file:///etc/passwd")))))), "steps[0].parameters.url");
        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow("W", onEvent("tenant.exploded"), WAIT))),
                "trigger.eventType");
        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow(" ", manual(), WAIT))), "name");
        assertInvalidField(admin().post(workflowsPath(), withId(id, workflow("W", manual(), List.of()))), "steps");
        Map<String, Object> unknownField = withId(id, workflow("W", manual(), WAIT));
        unknownField.put("owner", "mallory");
        assertInvalidField(admin().post(workflowsPath(), unknownField), "owner");
        assertProblem(admin().postRaw(workflowsPath(), "application/json",
                "{\"name\": \"W\", \"steps\": [".getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(events.typesOf(id)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from workflow_trigger where workspace_id = ?::uuid",
                Long.class, workspaceId)).isZero();
    }

    @Test
    void aBrokenUpdateChangesNothing() {
        String workflowId = define(workflow("Nightly", manual(), WAIT));

        assertInvalidField(admin().put(workflowPath(workflowId), workflow("W", manual(),
                List.of(step("wait", "DELAY", Map.of("seconds", "0"))))), "steps[0].parameters.seconds");
        assertInvalidField(admin().put(workflowPath(workflowId), workflow("W", Map.of("type", "HOURLY"), WAIT)),
                "trigger.type");

        assertThat(events.typesOf(workflowId)).containsExactly("WorkflowDefined");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private String define(Map<String, Object> definition) {
        Api.Response defined = admin().post(workflowsPath(), definition);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().get("id").asText();
    }

    private static Map<String, Object> withId(String id, Map<String, Object> definition) {
        Map<String, Object> body = new LinkedHashMap<>(definition);
        body.put("id", id);
        return body;
    }


    private static String workflowPath(String workflowId) {
        return "/api/v1/workflows/" + workflowId;
    }
}
