package io.baseplane.app.web;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POST: a repeat gets the first answer and writes nothing. */
class IdempotencyTest extends PlatformTestBase {

    private static final String JSON = "application/json";

    @Test
    void aRepeatWithTheSameKeyAndBodyReplaysTheFirstAnswerAndWritesOneEvent() {
        String tenantId = UUID.randomUUID().toString();
        byte[] body = json("{\"id\":\"" + tenantId + "\",\"name\":\"Acme\",\"plan\":\"FREE\"}");
        Api operator = api.as(tokens.operator()).header("Idempotency-Key", key());
        long before = events.count();

        Api.Response first = operator.postRaw("/api/v1/tenants", JSON, body);
        Api.Response repeat = operator.postRaw("/api/v1/tenants", JSON, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/api/v1/tenants/" + tenantId);
        assertThat(repeat.header("Content-Type")).startsWith("application/json");
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.count()).isEqualTo(before + 1);
        // One tenant, onboarded once: the repeat started nothing of its own.
        eventually(() -> events.typesOf(tenantId).contains("TenantOnboardingCompleted"));
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen());
    }

    @Test
    void aClientChosenIdMakesACreateRetrySafeWithoutAKey() {
        String tenantId = UUID.randomUUID().toString();
        byte[] body = json("{\"id\":\"" + tenantId + "\",\"name\":\"Acme\",\"plan\":\"FREE\"}");
        Api operator = api.as(tokens.operator());
        long before = events.count();

        Api.Response first = operator.postRaw("/api/v1/tenants", JSON, body);
        Api.Response repeat = operator.postRaw("/api/v1/tenants", JSON, body);
        Api.Response other = operator.postRaw("/api/v1/tenants", JSON,
                json("{\"id\":\"" + tenantId + "\",\"name\":\"Acme\",\"plan\":\"TEAM\"}"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(assertProblem(other, 409).get("type").asText()).endsWith("/id-taken");
        assertThat(events.count()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedCreateCanBeCorrectedAndSentAgainWithTheSameId() {
        String tenantId = UUID.randomUUID().toString();
        Api operator = api.as(tokens.operator());

        Api.Response refused = operator.postRaw("/api/v1/tenants", JSON,
                json("{\"id\":\"" + tenantId + "\",\"name\":\"Acme\",\"plan\":\"GOLD\"}"));
        Api.Response corrected = operator.postRaw("/api/v1/tenants", JSON,
                json("{\"id\":\"" + tenantId + "\",\"name\":\"Acme\",\"plan\":\"FREE\"}"));

        assertProblem(refused, 400);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    }

    @Test
    void anIdAnotherCallerTookIsAConflictNotAServerFailure() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Flows");
        String otherTenant = createTenant("TEAM");
        String otherWorkspace = provisionWorkspace(otherTenant, "bea", "Theirs");
        Map<String, Object> definition = Map.of("name", "Mine", "trigger", Map.of("type", "MANUAL"), "steps",
                List.of(Map.of("name", "tell", "type", "NOTIFY", "parameters",
                        Map.of("recipient", "ops@example.com", "message", "hi"))));
        Api.Response defined = api.as(tokens.tenantAdmin(tenantId, "olivia"))
                .post("/api/v1/workspaces/" + workspaceId + "/workflows", definition);
        String workflowId = defined.json().get("id").asText();
        Map<String, Object> sameId = new HashMap<>(definition);
        sameId.put("id", workflowId);
        long before = events.count();

        Api.Response workflow = api.as(tokens.tenantAdmin(otherTenant, "bea"))
                .post("/api/v1/workspaces/" + otherWorkspace + "/workflows", sameId);
        Api.Response sync = api.as(tokens.tenantAdmin(otherTenant, "bea"))
                .post("/api/v1/workspaces/" + otherWorkspace + "/airtable-syncs", Map.of("id", workflowId,
                        "baseId", "appAAAAAAAAAAAAAA", "tableIds", List.of("tblAAAAAAAAAAAAAA"), "tokenRef", "e2e-token"));
        Api.Response tenant = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", workflowId, "name", "Taken", "plan", "FREE"));

        for (Api.Response response : List.of(workflow, sync, tenant)) {
            assertThat(assertProblem(response, 409).get("type").asText()).as(response.toString()).endsWith("/id-taken");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aRepeatedCreateWithoutAClientIdStillCreatesOnlyOneTenant() {
        byte[] body = json("{\"name\":\"No id\",\"plan\":\"TEAM\"}");
        Api operator = api.as(tokens.operator()).header("Idempotency-Key", key());
        long before = events.count();

        Api.Response first = operator.postRaw("/api/v1/tenants", JSON, body);
        Api.Response repeat = operator.postRaw("/api/v1/tenants", JSON, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.count()).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedProvisioningReservesOneSlotAndStartsOneSaga() {
        String tenantId = createTenant("FREE");
        byte[] body = json("{\"name\":\"Design\"}");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia")).header("Idempotency-Key", key());

        Api.Response first = admin.postRaw("/api/v1/tenants/" + tenantId + "/workspaces", JSON, body);
        Api.Response repeat = admin.postRaw("/api/v1/tenants/" + tenantId + "/workspaces", JSON, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.body()).isEqualTo(first.body());
        String workspaceId = first.json().get("id").asText();
        eventually(() -> events.typesOf(workspaceId).contains("MemberAdded"));
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen("WorkspaceSlotReserved"));
        assertThat(events.typesOf(workspaceId)).containsExactly("WorkspaceCreated", "MemberAdded");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        Api operator = api.as(tokens.operator()).header("Idempotency-Key", key());
        Api.Response first = operator.postRaw("/api/v1/tenants", JSON, json("{\"name\":\"Acme\",\"plan\":\"FREE\"}"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long before = events.count();

        Api.Response other = operator.postRaw("/api/v1/tenants", JSON, json("{\"name\":\"Acme\",\"plan\":\"TEAM\"}"));

        JsonNode problem = assertProblem(other, 409);
        assertThat(problem.get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void theSameKeyOnAnotherPathIsRefused() {
        String tenantId = createTenant("FREE");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia")).header("Idempotency-Key", key());
        byte[] body = json("{\"plan\":\"TEAM\"}");
        assertThat(admin.postRaw("/api/v1/tenants/" + tenantId + "/plan", JSON, body).status()).isEqualTo(200);
        long before = events.count();

        Api.Response other = admin.postRaw("/api/v1/tenants/" + tenantId + "/workspaces", JSON, body);

        assertThat(assertProblem(other, 409).get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheCallerSoAnotherUserOrTenantWithTheSameKeyIsIndependent() {
        String key = key();
        byte[] body = json("{\"name\":\"Same body\",\"plan\":\"FREE\"}");
        long before = events.count();

        Api.Response mine = api.as(tokens.operator()).header("Idempotency-Key", key)
                .postRaw("/api/v1/tenants", JSON, body);
        Api.Response theirs = api.as(tokens.token("operator-2", null, "PLATFORM_OPERATOR"))
                .header("Idempotency-Key", key).postRaw("/api/v1/tenants", JSON, body);

        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
        assertThat(events.count()).isEqualTo(before + 2);

        // The same user name in two tenants is two callers, too.
        String tenantA = createTenant("FREE");
        String tenantB = createTenant("FREE");
        byte[] workspace = json("{\"name\":\"Design\"}");
        Api.Response inA = api.as(tokens.tenantAdmin(tenantA, "alice")).header("Idempotency-Key", key)
                .postRaw("/api/v1/tenants/" + tenantA + "/workspaces", JSON, workspace);
        Api.Response inB = api.as(tokens.tenantAdmin(tenantB, "alice")).header("Idempotency-Key", key)
                .postRaw("/api/v1/tenants/" + tenantB + "/workspaces", JSON, workspace);
        assertThat(inA.status()).as(inA.toString()).isEqualTo(202);
        assertThat(inB.status()).as(inB.toString()).isEqualTo(202);
        assertThat(inB.header("Idempotent-Replayed")).isNull();
        assertThat(events.typesOf(tenantA)).contains("WorkspaceSlotReserved");
        assertThat(events.typesOf(tenantB)).contains("WorkspaceSlotReserved");
        String workspaceA = inA.json().get("id").asText();
        String workspaceB = inB.json().get("id").asText();
        eventually(() -> events.typesOf(workspaceA).contains("MemberAdded")
                && events.typesOf(workspaceB).contains("MemberAdded"));
    }

    @Test
    void anInvalidKeyIsBadInputAndWritesNothing() {
        byte[] body = json("{\"name\":\"Acme\",\"plan\":\"FREE\"}");
        long before = events.count();

        for (String key : new String[] {"k".repeat(300), "has a space", "tab\there", ""}) {
            Api.Response response = api.as(tokens.operator()).header("Idempotency-Key", key)
                    .postRaw("/api/v1/tenants", JSON, body);
            assertThat(response.status()).as("key '" + key + "': " + response).isEqualTo(400);
            assertProblem(response, 400);
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aKeyOfExactly255VisibleCharactersIsAccepted() {
        Api.Response response = api.as(tokens.operator()).header("Idempotency-Key", "k".repeat(255))
                .postRaw("/api/v1/tenants", JSON, json("{\"name\":\"Long key\",\"plan\":\"FREE\"}"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aRefusedFirstRequestIsReplayedAsTheSameRefusal() {
        byte[] body = json("{\"name\":\"   \",\"plan\":\"FREE\"}");
        Api operator = api.as(tokens.operator()).header("Idempotency-Key", key());
        long before = events.count();

        Api.Response first = operator.postRaw("/api/v1/tenants", JSON, body);
        Api.Response repeat = operator.postRaw("/api/v1/tenants", JSON, body);

        assertProblem(first, 400);
        assertProblem(repeat, 400);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aRuleViolationIsReplayedEvenAfterTheRuleWouldPass() {
        String tenantId = createTenant("FREE");
        // With the default workspace from onboarding, two more fill the FREE plan's three.
        for (int i = 2; i <= 3; i++) {
            provisionWorkspace(tenantId, "olivia", "Space " + i);
        }
        byte[] body = json("{\"name\":\"Space 4\"}");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia")).header("Idempotency-Key", key());
        Api.Response first = admin.postRaw("/api/v1/tenants/" + tenantId + "/workspaces", JSON, body);
        assertThat(assertProblem(first, 409).get("code").asText()).isEqualTo("tenant.workspace-quota");
        assertThat(api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/plan",
                java.util.Map.of("plan", "TEAM")).status()).isEqualTo(200);
        long before = events.count();

        Api.Response repeat = admin.postRaw("/api/v1/tenants/" + tenantId + "/workspaces", JSON, body);

        assertProblem(repeat, 409);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void withoutAKeyEveryPostIsHandledAnew() {
        byte[] body = json("{\"name\":\"Twice\",\"plan\":\"FREE\"}");
        long before = events.count();

        Api.Response first = api.as(tokens.operator()).postRaw("/api/v1/tenants", JSON, body);
        Api.Response second = api.as(tokens.operator()).postRaw("/api/v1/tenants", JSON, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id")).isNotEqualTo(first.json().get("id"));
        assertThat(events.count()).isEqualTo(before + 2);
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
