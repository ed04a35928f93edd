package io.baseplane.app.web;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the API refuses before any command is sent: oversized, mistyped and malformed bodies. */
class RequestLimitsTest extends PlatformTestBase {

    /** application-test.yml sets baseplane.web.max-request-body to 16KB. */
    private static final int LIMIT = 16 * 1024;

    @Test
    void aBodyOverTheLimitWithAContentLengthIsTooLargeAndWritesNothing() {
        long before = events.count();

        Api.Response response = operator().send("POST", "/api/v1/tenants", "application/json",
                BodyPublishers.ofByteArray(tenantOfSize(LIMIT + 1)));

        assertThat(assertProblem(response, 413).get("type").asText()).endsWith("/payload-too-large");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeAndWritesNothing() {
        long before = events.count();
        byte[] body = tenantOfSize(4 * LIMIT);

        // No length known in advance: java.net.http sends it with Transfer-Encoding: chunked.
        Api.Response response = operator().send("POST", "/api/v1/tenants", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(response, 413);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitWithAnIdempotencyKeyIsTooLargeToo() {
        long before = events.count();
        byte[] body = tenantOfSize(4 * LIMIT);

        Api.Response response = operator().header("Idempotency-Key", "big-" + UUID.randomUUID())
                .send("POST", "/api/v1/tenants", "application/json",
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(response, 413);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() {
        String tenantId = UUID.randomUUID().toString();
        byte[] body = ("{\"id\":\"" + tenantId + "\",\"name\":\"Chunked\",\"plan\":\"FREE\"}")
                .getBytes(StandardCharsets.UTF_8);

        Api.Response response = operator().send("POST", "/api/v1/tenants", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(events.typesOf(tenantId)).containsExactly("TenantCreated");
    }

    @Test
    void anUnsupportedContentTypeIsRefused() {
        long before = events.count();

        Api.Response text = operator().postRaw("/api/v1/tenants", "text/plain",
                "name=Acme&plan=FREE".getBytes(StandardCharsets.UTF_8));
        Api.Response xml = operator().postRaw("/api/v1/tenants", "application/xml",
                "<tenant><name>Acme</name></tenant>".getBytes(StandardCharsets.UTF_8));

        assertProblem(text, 415);
        assertProblem(xml, 415);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aContentTypeThatIsNoConcreteMediaTypeIsUnsupportedNotAServerFailure() {
        long before = events.count();
        byte[] body = "{\"name\":\"Acme\",\"plan\":\"FREE\"}".getBytes(StandardCharsets.UTF_8);

        for (String contentType : new String[] {"*/*", "application/*", "json", ";;;", "application/json;;=x"}) {
            Api.Response refused = operator().postRaw("/api/v1/tenants", contentType, body);
            assertThat(assertProblem(refused, 415).get("type").asText()).as(contentType)
                    .endsWith("/unsupported-media-type");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        long before = events.count();

        Api.Response response = postJson("{\"name\":\"Acme\",\"plan\":\"FREE\",\"colour\":\"red\"}");

        assertInvalidField(response, "colour");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsBadInput() {
        long before = events.count();

        for (String body : new String[] {"{\"name\":\"Acme\",", "{name: Acme}", "not json", "[1,2", ""}) {
            Api.Response response = postJson(body);
            JsonNode problem = assertProblem(response, 400);
            assertThat(problem.get("detail").asText()).as(body).doesNotContain("line:", "column:", "Source");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aDuplicateKeyIsBadInputRatherThanTheLastOneWinning() {
        long before = events.count();

        JsonNode problem = assertProblem(postJson("{\"name\":\"Acme\",\"plan\":\"FREE\",\"plan\":\"ENTERPRISE\"}"), 400);

        assertThat(problem.toString()).doesNotContain("line:", "column:", "Source", "tools.jackson");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void contentAfterTheJsonValueIsBadInput() {
        long before = events.count();

        assertProblem(postJson("{\"name\":\"Acme\",\"plan\":\"FREE\"} {\"name\":\"Evil\",\"plan\":\"FREE\"}"), 400);
        assertProblem(postJson("{\"name\":\"Acme\",\"plan\":\"FREE\"}garbage"), 400);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsBadInput() {
        long before = events.count();

        String nested = "[".repeat(200) + "]".repeat(200);
        assertProblem(postJson("{\"name\":\"Acme\",\"plan\":\"FREE\",\"x\":" + nested + "}"), 400);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aWrongJsonTypeIsBadInputNamingTheField() {
        long before = events.count();

        assertInvalidField(postJson("{\"name\":\"Acme\",\"plan\":5}"), "plan");
        assertInvalidField(postJson("{\"name\":\"Acme\",\"plan\":[\"FREE\"]}"), "plan");
        assertInvalidField(postJson("{\"name\":{\"first\":\"Acme\"},\"plan\":\"FREE\"}"), "name");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anEnumIsNotAcceptedByItsPosition() {
        long before = events.count();

        // Ordinal 1 would silently be TEAM if numbers were read as enum positions.
        Api.Response response = postJson("{\"name\":\"Acme\",\"plan\":1}");

        assertInvalidField(response, "plan");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aJsonBodyThatIsNotAnObjectIsBadInput() {
        long before = events.count();

        assertProblem(postJson("[]"), 400);
        assertProblem(postJson("\"Acme\""), 400);
        assertThat(events.count()).isEqualTo(before);
    }

    private Api operator() {
        return api.as(tokens.operator());
    }

    private Api.Response postJson(String body) {
        return operator().postRaw("/api/v1/tenants", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A syntactically valid tenant request of exactly {@code size} bytes. */
    private static byte[] tenantOfSize(int size) {
        String head = "{\"plan\":\"FREE\",\"name\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
