package io.baseplane.app.web;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The API reads input strictly and says precisely what was wrong: JSON types as declared, UTF-8 as RFC 8259 wants
 * it, the field named in every 400, all bad query parameters named at once, and problem details even for what
 * the server refuses before any controller sees it.
 */
class InputStrictnessTest extends PlatformTestBase {

    private static final String STEP = "{\"name\":\"wait\",\"type\":\"DELAY\",\"parameters\":{\"seconds\":\"1\"}}";

    @Test
    void aNumberWhereAStringIsDeclaredAndTheReverseAreRefusedNamingTheField() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Strict");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
        long before = events.count();

        assertInvalidField(json(operator(), "POST", "/api/v1/tenants", "{\"name\":5,\"plan\":\"FREE\"}"), "name");
        assertInvalidField(json(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/members",
                "{\"userId\":5,\"role\":\"EDITOR\"}"), "userId");
        assertInvalidField(json(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/workflows",
                workflowWith(STEP.replace("\"1\"", "60"))), "steps[0].parameters.seconds");
        assertInvalidField(json(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/workflows",
                workflowWith(STEP.replace("}}", "},\"timeoutSeconds\":\"10\"}"))), "steps[0].timeoutSeconds");
        assertInvalidField(json(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/workflows",
                workflowWith(STEP.replace("\"1\"", "true"))), "steps[0].parameters.seconds");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAndNothingIsWritten() {
        long before = events.count();
        byte[] overlongSlash = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"',
                ',', '"', 'p', 'l', 'a', 'n', '"', ':', '"', 'F', 'R', 'E', 'E', '"', '}'};
        byte[] cutShort = "{\"name\":\"a\u20AC\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(cutShort, cutShort.length - 3);

        for (byte[] body : new byte[][] {overlongSlash, cut}) {
            JsonNode problem = assertInvalidField(operator().postRaw("/api/v1/tenants", "application/json", body), "body");
            assertThat(problem.get("detail").asText()).isEqualTo("The request body is not valid UTF-8");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aSyntaxErrorNamesTheBodyAndWhereItIsAndADuplicateKeyNamesTheKey() {
        JsonNode syntax = assertInvalidField(json(operator(), "POST", "/api/v1/tenants", "{\"name\":\"a\",\n\"plan\" \"FREE\"}"),
                "body");
        assertThat(syntax.at("/errors/0/message").asText()).startsWith("is not valid JSON (line 2, column");

        assertInvalidField(json(operator(), "POST", "/api/v1/tenants", "{\"name\":\"a\",\"name\":\"b\",\"plan\":\"FREE\"}"),
                "name");
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Strict");
        JsonNode nested = assertInvalidField(json(api.as(tokens.tenantAdmin(tenantId, "olivia")), "POST",
                "/api/v1/workspaces/" + workspaceId + "/workflows",
                workflowWith(STEP.replace("\"type\":\"DELAY\"", "\"type\":\"DELAY\",\"type\":\"NOTIFY\""))),
                "steps[0].type");
        assertThat(nested.at("/errors/0/message").asText()).isEqualTo("is given more than once");
    }

    @Test
    void everyBadQueryParameterIsNamedInOneAnswer() {
        String tenantId = createTenant("TEAM");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));

        JsonNode workspaces = assertProblem(admin.get("/api/v1/tenants/" + tenantId
                + "/workspaces?page=first&size=0&status=GONE"), 400);
        JsonNode sagas = assertProblem(operator().get("/api/v1/ops/sagas?status=LOST&stuck=maybe&limit=0&type=Nope"), 400);

        assertThat(workspaces.get("errors").findValuesAsText("field")).containsExactly("status", "page", "size");
        assertThat(sagas.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("type", "status", "stuck", "limit");
    }

    @Test
    void whatTheServerRefusesBeforeAnyControllerIsProblemDetailsToo() {
        String tenantId = createTenant("FREE");

        assertProblem(operator().get("/api/v1/tenants/" + tenantId + "%2Fx"), 400);
        assertProblem(operator().get("/api/v1/tenants/" + tenantId + "%00"), 400);
        assertProblem(operator().header("X-Padding", "p".repeat(20_000)).get("/api/v1/tenants/" + tenantId), 400);
        assertProblem(operator().send("TRACE", "/api/v1/tenants/" + tenantId, null, BodyPublishers.noBody()), 405);
        JsonNode unknown = assertProblem(operator().get("/api/v1/no-such-thing"), 404);
        assertThat(unknown.get("detail").asText()).doesNotContain("static resource");
    }

    private Api operator() {
        return api.as(tokens.operator());
    }

    private static Api.Response json(Api client, String method, String path, String body) {
        return client.send(method, path, "application/json", BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String workflowWith(String step) {
        return "{\"name\":\"Strict\",\"trigger\":{\"type\":\"MANUAL\"},\"steps\":[" + step + "]}";
    }
}
