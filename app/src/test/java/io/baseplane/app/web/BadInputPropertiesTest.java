package io.baseplane.app.web;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Generated bad input over every endpoint, checked as properties (QuickTheories: random cases from a fixed seed,
 * shrunk to the smallest failing one): a body field of the wrong JSON type, a field the request does not have, text
 * no name may hold, a malformed path id, bad headers. Every such request gets a 4xx problem+json answer that names
 * what was wrong (the body field by its path, the path variable, the header) and writes nothing. A platform of its
 * own, so that "nothing written" counts only what these requests could have written.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadInputPropertiesTest extends PlatformTestBase {

    private static final long SEED = 20261204L;
    private static final int EXAMPLES = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text no name or identifier may hold: controls, invisible formatting, line separators, a byte-order mark. */
    private static final List<String> BAD_TEXT = List.of("\u0000", "\u0007", "\n", "\u001B[31m", "\u2028", "\u2029",
            "\u202E", "\u200B", "\uFEFF", "\u0085");
    /** Body fields that hold a name or an identifier (free text such as a description or reason may hold more). */
    private static final List<String> NAME_FIELDS = List.of("name", "userId", "owner", "baseId", "tokenRef",
            "tableIds", "plan", "role", "type", "action", "status", "tenantId");

    /** The commands that take an expected version as {@code If-Match}. */
    private static final Set<String> TAKE_IF_MATCH = Set.of("/api/v1/tenants/{tenantId}/plan",
            "/api/v1/tenants/{tenantId}/suspend", "/api/v1/tenants/{tenantId}/reactivate",
            "/api/v1/airtable-syncs/{syncId}/runs", "/api/v1/workspaces/{workspaceId}",
            "/api/v1/workspaces/{workspaceId}/members", "/api/v1/workspaces/{workspaceId}/members/{userId}",
            "/api/v1/workflows/{workflowId}", "/api/v1/workflows/{workflowId}/runs");

    private static Fixture fixture;

    @BeforeEach
    void platformWithOneOfEverything() {
        if (fixture == null) {
            fixture = new Fixture();
        }
    }

    @Test
    void aBodyFieldOfTheWrongTypeIsRefusedNamingItsPathAndWritesNothing() {
        List<Endpoint> withFields = fixture.endpoints.stream()
                .filter(endpoint -> endpoint.body != null && !leavesOf(endpoint.body).isEmpty()).toList();

        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Generate.pick(withFields), Generate.range(0, 1_000), Generate.range(0, 3))
                .checkAssert((endpoint, leafChoice, kindChoice) -> {
                    List<Leaf> leaves = leavesOf(endpoint.body);
                    Leaf leaf = leaves.get(leafChoice % leaves.size());
                    JsonNode wrong = wrongTypeFor(leaf, kindChoice);
                    String body = replaced(endpoint.body, leaf, wrong).toString();

                    JsonNode problem = refusedWritingNothing(endpoint, attempt(() -> endpoint.send(body)), 400, body);

                    // The value's own path, or (where the parser names no deeper) the list or object holding it.
                    assertThat(fieldsOf(problem)).as(endpoint + " " + body).anyMatch(field -> field.equals(leaf.path)
                            || leaf.path.startsWith(field + "[") || leaf.path.startsWith(field + "."));
                });
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedNamingItAndWritesNothing() {
        List<Endpoint> withBodies = fixture.endpoints.stream().filter(endpoint -> endpoint.body != null).toList();
        Gen<String> names = Generate.pick(List.of("admin", "isAdmin", "tenant_id", "version", "__proto__", "$where",
                "roles2", "ownerId", "x"));

        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Generate.pick(withBodies), names)
                .checkAssert((endpoint, name) -> {
                    ObjectNode body = ((ObjectNode) endpoint.body.deepCopy());
                    body.put(name, "extra");

                    JsonNode problem = refusedWritingNothing(endpoint, attempt(() -> endpoint.send(body.toString())), 400,
                            body.toString());

                    assertThat(fieldsOf(problem)).as(endpoint + " " + body).contains(name);
                });
    }

    @Test
    void textNoNameMayHoldIsRefusedNamingTheFieldAndWritesNothing() {
        List<Endpoint> withNames = fixture.endpoints.stream()
                .filter(endpoint -> endpoint.body != null && !nameLeavesOf(endpoint.body).isEmpty()).toList();

        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Generate.pick(withNames), Generate.range(0, 1_000), Generate.pick(BAD_TEXT))
                .checkAssert((endpoint, leafChoice, bad) -> {
                    List<Leaf> leaves = nameLeavesOf(endpoint.body);
                    Leaf leaf = leaves.get(leafChoice % leaves.size());
                    String valid = leaf.value.asText();
                    // Inside the value: surrounding whitespace is stripped from names, as documented.
                    String text = valid.charAt(0) + bad + valid.substring(1);
                    String body = replaced(endpoint.body, leaf, NODES.textNode(text)).toString();

                    JsonNode problem = refusedWritingNothing(endpoint, attempt(() -> endpoint.send(body)), 400, body);

                    assertThat(fieldsOf(problem)).as(endpoint + " " + body)
                            .anyMatch(field -> field.startsWith(leaf.topLevelName()));
                });
    }

    @Test
    void aMalformedPathVariableIsRefusedNamingItOrNotFoundAndWritesNothing() {
        List<Endpoint> withVariables = fixture.endpoints.stream().filter(endpoint -> !endpoint.variables.isEmpty()).toList();
        Gen<String> garbage = Generate.pick(List.of("not-a-uuid", "123", "..", "%20", "%2F..%2F", "x%00y", "'%20or%201=1",
                "%C0%AF", "%E2%80%AE", "a;b", "00000000-0000-0000-0000-00000000000G", UUID.randomUUID() + "x",
                "%F0%9F%98%80", "-1", "9".repeat(300)));

        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Generate.pick(withVariables), Generate.range(0, 100), garbage)
                .checkAssert((endpoint, variableChoice, value) -> {
                    List<String> names = new ArrayList<>(endpoint.variables.keySet());
                    String name = names.get(variableChoice % names.size());
                    Endpoint bent = endpoint.withVariable(name, value);
                    String body = endpoint.body == null ? null : endpoint.body.toString();

                    Attempt attempt = attempt(() -> bent.send(body));

                    // 409: an id that is a plain string can be well formed, and the resource refuses it (an ended saga).
                    assertThat(attempt.response.status()).as(bent + " -> " + attempt.response).isIn(400, 404, 409);
                    JsonNode problem = refusedWritingNothing(bent, attempt, attempt.response.status(), body);
                    if (attempt.response.status() == 400 && problem.has("errors")) {
                        assertThat(fieldsOf(problem)).as(bent + " -> " + attempt.response).contains(name);
                    }
                });
    }

    @Test
    void badHeadersAreRefusedNamingTheHeaderAndWriteNothing() {
        List<Endpoint> commands = fixture.endpoints.stream().filter(endpoint -> endpoint.body != null).toList();
        List<Endpoint> versioned = commands.stream().filter(endpoint -> TAKE_IF_MATCH.contains(endpoint.template)).toList();
        Gen<String> entityTags = Generate.pick(List.of("3", "\"x\"", "W/", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"",
                "'1'", "\"1"));
        // Only keys java.net.http sends as they are (it turns other characters into '?', and refuses controls).
        Gen<String> keys = Generate.pick(List.of(" ", "key with spaces", "x".repeat(256), "tab\tkey"));
        Gen<String> contentTypes = Generate.pick(List.of("text/plain", "*/*", "application/xml", "application/*",
                "nonsense", "application/x-www-form-urlencoded", "text/json"));

        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 3)
                .forAll(Generate.pick(versioned), entityTags)
                .checkAssert((endpoint, tag) -> {
                    Attempt attempt = attempt(() -> endpoint.with("If-Match", tag).send(endpoint.body.toString()));
                    JsonNode problem = refusedWritingNothing(endpoint, attempt, 400, tag);
                    assertThat(fieldsOf(problem)).as(endpoint + " If-Match " + tag).contains("If-Match");
                });
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 3)
                .forAll(Generate.pick(commands.stream().filter(endpoint -> endpoint.method.equals("POST")
                        && endpoint.template.startsWith("/api/")).toList()), keys)
                .checkAssert((endpoint, key) -> {
                    Attempt attempt = attempt(() -> endpoint.with("Idempotency-Key", key).send(endpoint.body.toString()));
                    JsonNode problem = refusedWritingNothing(endpoint, attempt, 400, key);
                    assertThat(fieldsOf(problem)).as(endpoint + " Idempotency-Key " + key).contains("Idempotency-Key");
                });
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 3)
                .forAll(Generate.pick(commands), contentTypes)
                .checkAssert((endpoint, contentType) -> {
                    Attempt attempt = attempt(() -> endpoint.send(endpoint.body.toString(), contentType));
                    refusedWritingNothing(endpoint, attempt, 415, contentType);
                });
    }

    // ---- checks --------------------------------------------------------------------------------------

    /** A problem+json refusal with this status, and the platform wrote nothing while answering it. */
    private JsonNode refusedWritingNothing(Endpoint endpoint, Attempt attempt, int status, String input) {
        JsonNode problem = assertProblem(attempt.response, status);
        assertThat(attempt.wrote).as("a refusal wrote something: " + endpoint + " " + input).isZero();
        return problem;
    }

    /** An answer, and how many rows the platform wrote meanwhile. */
    private record Attempt(Api.Response response, long wrote) {
    }

    private Attempt attempt(java.util.function.Supplier<Api.Response> request) {
        long before = writes();
        Api.Response response = request.get();
        return new Attempt(response, writes() - before);
    }

    private long writes() {
        return jdbc.queryForObject("select (select count(*) from domain_event_entry) + (select count(*) from api_key)"
                + " + (select count(*) from saga_batch_job) + (select count(*) from idempotency_record)", Long.class);
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    // ---- bodies --------------------------------------------------------------------------------------

    /** A value in a body, by its path as the API names it ({@code steps[0].parameters.seconds}). */
    private record Leaf(String path, List<Object> steps, JsonNode value) {

        String topLevelName() {
            return (String) steps.get(0);
        }
    }

    private static List<Leaf> leavesOf(JsonNode body) {
        List<Leaf> leaves = new ArrayList<>();
        collect(body, "", new ArrayList<>(), leaves, true);
        return leaves;
    }

    private static List<Leaf> nameLeavesOf(JsonNode body) {
        return leavesOf(body).stream()
                .filter(leaf -> leaf.value.isTextual() && !leaf.value.asText().isEmpty())
                .filter(leaf -> NAME_FIELDS.contains(lastName(leaf)))
                .toList();
    }

    private static String lastName(Leaf leaf) {
        for (int i = leaf.steps.size() - 1; i >= 0; i--) {
            if (leaf.steps.get(i) instanceof String name) {
                return name;
            }
        }
        return "";
    }

    /** Every value (containers too, for wrong types), not the body itself. */
    private static void collect(JsonNode node, String path, List<Object> steps, List<Leaf> leaves, boolean root) {
        if (!root) {
            leaves.add(new Leaf(path, List.copyOf(steps), node));
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                steps.add(entry.getKey());
                collect(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), steps, leaves, false);
                steps.remove(steps.size() - 1);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                steps.add(i);
                collect(node.get(i), path + "[" + i + "]", steps, leaves, false);
                steps.remove(steps.size() - 1);
            }
        }
    }

    /**
     * A JSON value of another type than the leaf's; {@code kind} picks among them. Not a non-empty array for an
     * element of a list: Jackson 3.1 misreads that as trailing content, refused with the body named, not the field.
     */
    private static JsonNode wrongTypeFor(Leaf leaf, int kind) {
        JsonNode valid = leaf.value;
        boolean listElement = leaf.steps.get(leaf.steps.size() - 1) instanceof Integer;
        List<JsonNode> wrong = new ArrayList<>();
        if (!valid.isTextual()) {
            wrong.add(NODES.textNode("text"));
        }
        if (!valid.isNumber()) {
            wrong.add(NODES.numberNode(60));
        }
        if (!valid.isBoolean()) {
            wrong.add(NODES.booleanNode(true));
        }
        if (!valid.isObject()) {
            wrong.add(NODES.objectNode().put("a", "b"));
        }
        if (!valid.isArray()) {
            wrong.add(listElement ? NODES.arrayNode() : NODES.arrayNode().add("a"));
        }
        return wrong.get(kind % wrong.size());
    }

    private static JsonNode replaced(JsonNode body, Leaf leaf, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < leaf.steps.size() - 1; i++) {
            Object step = leaf.steps.get(i);
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        Object last = leaf.steps.get(leaf.steps.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    // ---- the platform's endpoints ------------------------------------------------------------------------

    /** One request of the API: a valid shape that the properties bend. */
    private static final class Endpoint {

        private final Api client;
        private final String method;
        private final String template;
        private final Map<String, String> variables;
        private final JsonNode body;

        Endpoint(Api client, String method, String template, Map<String, String> variables, String body) {
            this.client = client;
            this.method = method;
            this.template = template;
            this.variables = variables;
            this.body = body == null ? null : parse(body);
        }

        Endpoint withVariable(String name, String rawValue) {
            Map<String, String> bent = new LinkedHashMap<>(variables);
            bent.put(name, rawValue);
            return new Endpoint(client, method, template, bent, body == null ? null : body.toString());
        }

        Endpoint with(String header, String value) {
            return new Endpoint(client.header(header, value), method, template, variables,
                    body == null ? null : body.toString());
        }

        Api.Response send(String body) {
            return send(body, "application/json");
        }

        Api.Response send(String body, String contentType) {
            return client.send(method, path(), body == null ? null : contentType,
                    body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }

        /** The path with its variables in place; values that are not percent-escapes already are encoded. */
        String path() {
            String path = template;
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                String value = variable.getValue().contains("%") ? variable.getValue()
                        : URLEncoder.encode(variable.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
                path = path.replace("{" + variable.getKey() + "}", value);
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + path();
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(json, e);
            }
        }
    }

    /** A tenant with one of everything, and every endpoint that can change or read it. */
    private final class Fixture {

        private final List<Endpoint> endpoints = new ArrayList<>();

        Fixture() {
            String tenantId = createTenant("TEAM");
            String workspaceId = provisionWorkspace(tenantId, "olivia", "Everything");
            Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
            Api operator = api.as(tokens.operator());
            String syncId = created(admin.post("/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(
                    "baseId", "appABCDEFGHIJ1234", "tableIds", List.of("tblAAAAAAAAAAAAAA"), "tokenRef", "vault:airtable/sales-token")));
            String workflowId = created(admin.post("/api/v1/workspaces/" + workspaceId + "/workflows", Map.of(
                    "name", "Everything", "trigger", Map.of("type", "MANUAL"), "steps", List.of(Map.of(
                            "name", "wait", "type", "DELAY", "parameters", Map.of("seconds", "1"))))));
            String keyId = created(admin.post("/api/v1/tenants/" + tenantId + "/api-keys",
                    Map.of("name", "ci", "roles", List.of("MEMBER"))));
            String sagaId = jdbc.queryForObject("select saga_id from saga_instance where tenant_id = ?::uuid limit 1",
                    String.class, tenantId);
            Map<String, String> tenant = Map.of("tenantId", tenantId);
            Map<String, String> workspace = Map.of("workspaceId", workspaceId);
            Map<String, String> member = Map.of("workspaceId", workspaceId, "userId", "olivia");
            Map<String, String> sync = Map.of("syncId", syncId);
            Map<String, String> workflow = Map.of("workflowId", workflowId);
            String steps = "[{\"name\":\"wait\",\"type\":\"DELAY\",\"parameters\":{\"seconds\":\"1\"},\"timeoutSeconds\":30,"
                    + "\"compensation\":{\"type\":\"NOTIFY\",\"parameters\":{\"recipient\":\"ops@example.com\",\"message\":\"undo\"}}}]";

            endpoints.addAll(List.of(
                    new Endpoint(operator, "POST", "/api/v1/tenants", Map.of(),
                            "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Acme\",\"plan\":\"FREE\",\"owner\":\"olivia\"}"),
                    new Endpoint(admin, "POST", "/api/v1/tenants/{tenantId}/plan", tenant, "{\"plan\":\"ENTERPRISE\"}"),
                    new Endpoint(operator, "POST", "/api/v1/tenants/{tenantId}/suspend", tenant, "{\"reason\":\"audit\"}"),
                    new Endpoint(admin, "POST", "/api/v1/tenants/{tenantId}/workspaces", tenant,
                            "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Design\",\"description\":\"the design team\"}"),
                    new Endpoint(admin, "POST", "/api/v1/tenants/{tenantId}/api-keys", tenant,
                            "{\"name\":\"deploy\",\"roles\":[\"MEMBER\"]}"),
                    new Endpoint(admin, "PATCH", "/api/v1/workspaces/{workspaceId}", workspace,
                            "{\"name\":\"Renamed\",\"description\":\"text\"}"),
                    new Endpoint(admin, "POST", "/api/v1/workspaces/{workspaceId}/members", workspace,
                            "{\"userId\":\"bob\",\"role\":\"EDITOR\"}"),
                    new Endpoint(admin, "PUT", "/api/v1/workspaces/{workspaceId}/members/{userId}", member,
                            "{\"role\":\"ADMIN\"}"),
                    new Endpoint(admin, "POST", "/api/v1/workspaces/{workspaceId}/airtable-syncs", workspace,
                            "{\"id\":\"" + UUID.randomUUID() + "\",\"baseId\":\"appABCDEFGHIJ1234\","
                                    + "\"tableIds\":[\"tblAAAAAAAAAAAAAA\",\"tblBBBBBBBBBBBBBB\"],\"tokenRef\":\"vault:airtable/sales-token\"}"),
                    new Endpoint(admin, "POST", "/api/v1/workspaces/{workspaceId}/workflows", workspace,
                            "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Flow\",\"trigger\":{\"type\":\"MANUAL\"},"
                                    + "\"steps\":" + steps + "}"),
                    new Endpoint(admin, "PUT", "/api/v1/workflows/{workflowId}", workflow,
                            "{\"name\":\"Flow 2\",\"trigger\":{\"type\":\"MANUAL\"},\"steps\":" + steps + "}"),
                    new Endpoint(admin, "POST", "/api/v1/workflows/{workflowId}/runs", workflow,
                            "{\"input\":{\"order\":\"A-1\"}}"),
                    new Endpoint(operator, "POST", "/api/v1/ops/sagas/{sagaId}/retry", Map.of("sagaId", sagaId),
                            "{\"reason\":\"back\"}"),
                    new Endpoint(operator, "POST", "/api/v1/ops/sagas/batch", Map.of(),
                            "{\"filter\":{\"status\":\"PARKED\",\"type\":\"WorkflowExecution\",\"stuck\":true},"
                                    + "\"action\":\"RETRY\",\"reason\":\"back\",\"dryRun\":false}"),
                    new Endpoint(admin, "DELETE", "/api/v1/workspaces/{workspaceId}/members/{userId}", member, null),
                    new Endpoint(admin, "DELETE", "/api/v1/airtable-syncs/{syncId}", sync, null),
                    new Endpoint(admin, "DELETE", "/api/v1/tenants/{tenantId}/api-keys/{keyId}",
                            Map.of("tenantId", tenantId, "keyId", keyId), null),
                    new Endpoint(admin, "GET", "/api/v1/tenants/{tenantId}", tenant, null),
                    new Endpoint(admin, "GET", "/api/v1/workspaces/{workspaceId}/members", workspace, null),
                    new Endpoint(admin, "GET", "/api/v1/airtable-syncs/{syncId}/runs/{runId}",
                            Map.of("syncId", syncId, "runId", UUID.randomUUID().toString()), null),
                    new Endpoint(admin, "GET", "/api/v1/workflows/{workflowId}/runs", workflow, null),
                    new Endpoint(operator, "GET", "/api/v1/ops/sagas/{sagaId}", Map.of("sagaId", sagaId), null),
                    new Endpoint(operator, "POST", "/api/v1/tenants/{tenantId}/reactivate", tenant, "{\"reason\":\"ok\"}"),
                    new Endpoint(admin, "POST", "/api/v1/workspaces/{workspaceId}/archive", workspace, null),
                    new Endpoint(admin, "POST", "/api/v1/airtable-syncs/{syncId}/runs", sync, "{}"),
                    new Endpoint(admin, "POST", "/api/v1/workflows/{workflowId}/enable", workflow, null),
                    new Endpoint(admin, "POST", "/api/v1/workflows/{workflowId}/disable", workflow, null),
                    new Endpoint(operator, "POST", "/api/v1/ops/sagas/{sagaId}/abort", Map.of("sagaId", sagaId),
                            "{\"reason\":\"wrong base\"}"),
                    new Endpoint(operator, "POST", "/api/v1/ops/sagas/{sagaId}/deadlines/{deadlineId}/fire",
                            Map.of("sagaId", sagaId, "deadlineId", UUID.randomUUID().toString()), "{\"reason\":\"now\"}"),
                    new Endpoint(operator, "GET", "/api/v1/ops/jobs/{jobId}", Map.of("jobId", UUID.randomUUID().toString()),
                            null),
                    new Endpoint(admin, "GET", "/api/v1/tenants/{tenantId}/workspaces", tenant, null),
                    new Endpoint(admin, "GET", "/api/v1/tenants/{tenantId}/api-keys", tenant, null),
                    new Endpoint(admin, "GET", "/api/v1/workspaces/{workspaceId}", workspace, null),
                    new Endpoint(admin, "GET", "/api/v1/workspaces/{workspaceId}/updates", workspace, null),
                    new Endpoint(admin, "GET", "/api/v1/workspaces/{workspaceId}/workflows", workspace, null),
                    new Endpoint(admin, "GET", "/api/v1/airtable-syncs/{syncId}", sync, null),
                    new Endpoint(admin, "GET", "/api/v1/airtable-syncs/{syncId}/runs", sync, null),
                    new Endpoint(admin, "GET", "/api/v1/airtable-syncs/{syncId}/records", sync, null),
                    new Endpoint(admin, "GET", "/api/v1/workflow-runs/{runId}", Map.of("runId", UUID.randomUUID().toString()),
                            null),
                    new Endpoint(api, "POST", "/dev/tokens", Map.of(),
                            "{\"sub\":\"dev\",\"tenantId\":\"" + tenantId + "\",\"roles\":[\"MEMBER\"]}")));
            // Nothing runs in the background meanwhile, so what is written while a request is answered is its doing.
            eventually(() -> jdbc.queryForObject("select count(*) from saga_instance where ended_at is null",
                    Long.class) == 0);
        }

        private String created(Api.Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.json().get("id").asText();
        }
    }
}
