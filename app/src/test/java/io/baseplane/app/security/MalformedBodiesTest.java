package io.baseplane.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input: valid bodies of each command endpoint, mutated at random (characters dropped,
 * inserted or repeated, values swapped for other JSON types, cut short), sent through the real HTTP stack.
 * Whatever comes in, no answer is a 5xx, and a refusal writes nothing. The seed is fixed so a failure
 * repeats; it is printed with the body that broke the rule.
 */
class MalformedBodiesTest extends PlatformTestBase {

    private static final long SEED = 20261129L;
    private static final int MUTANTS_PER_ENDPOINT = 60;
    private static final String[] INSERTS = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000", "\u0007", "\n",
            "\uD83D\uDE00", "\uFFFF", "null", "true", "-1e999", "1e400", "\"\\u0000\"", "0x10", "NaN",
            "\"" + "x".repeat(5000) + "\"", "{\"a\":{\"b\":[1,{}]}}"};
    private static final String[] VALUES = {"null", "0", "-1", "3.14", "true", "[]", "{}", "\"\"", "\"   \"",
            "\"FREE\"", "\"a\\u0007b\"", "\"" + "y".repeat(300) + "\"", "[\"OWNER\"]", "{\"$ref\":\"x\"}",
            "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"'; drop table tenant_view; --\""};

    private final Random random = new Random(SEED);

    @Test
    void noMutatedBodyMakesTheServerFailAndNoRefusalWritesAnything() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Fuzzed");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
        Api operator = api.as(tokens.operator());

        List<Endpoint> endpoints = List.of(
                new Endpoint(operator, "POST", "/api/v1/tenants", "{\"name\":\"Acme\",\"plan\":\"FREE\",\"owner\":\"olivia\"}"),
                new Endpoint(admin, "POST", "/api/v1/tenants/" + tenantId + "/plan", "{\"plan\":\"TEAM\"}"),
                new Endpoint(admin, "POST", "/api/v1/tenants/" + tenantId + "/workspaces",
                        "{\"name\":\"Design\",\"description\":\"the design team\"}"),
                new Endpoint(admin, "PATCH", "/api/v1/workspaces/" + workspaceId,
                        "{\"name\":\"Renamed\",\"description\":\"text\"}"),
                new Endpoint(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/members",
                        "{\"userId\":\"bob\",\"role\":\"EDITOR\"}"),
                new Endpoint(admin, "PUT", "/api/v1/workspaces/" + workspaceId + "/members/olivia", "{\"role\":\"OWNER\"}"),
                new Endpoint(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/airtable-syncs",
                        "{\"baseId\":\"appABCDEFGHIJ1234\",\"tableIds\":[\"tblAAAAAAAAAAAAAA\"],\"tokenRef\":\"vault:fuzz\"}"),
                new Endpoint(admin, "POST", "/api/v1/workspaces/" + workspaceId + "/workflows",
                        "{\"name\":\"Fuzz\",\"trigger\":{\"type\":\"MANUAL\"},\"steps\":[{\"name\":\"wait\","
                                + "\"type\":\"DELAY\",\"parameters\":{\"seconds\":\"1\"}}]}"));

        int refused = 0;
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < MUTANTS_PER_ENDPOINT; i++) {
                String body = mutate(endpoint.validBody());
                long before = events.count();

                Api.Response response = endpoint.client().send(endpoint.method(), endpoint.path(), "application/json",
                        BodyPublishers.ofString(body, StandardCharsets.UTF_8));

                String context = endpoint.method() + " " + endpoint.path() + " seed " + SEED + " body " + body;
                assertThat(response.status()).as(context + " -> " + response).isLessThan(500);
                assertThat(response.body()).as(context).doesNotContain("Exception", "\tat ", "tools.jackson", "SQL");
                if (response.status() >= 400) {
                    refused++;
                    assertThat(response.header("Content-Type")).as(context).startsWith("application/problem+json");
                    assertThat(events.count()).as("a refusal wrote events: " + context).isEqualTo(before);
                }
            }
        }
        // The generator really produces bad input; most mutants must be refused.
        assertThat(refused).isGreaterThan(endpoints.size() * MUTANTS_PER_ENDPOINT / 2);
    }

    private String mutate(String valid) {
        StringBuilder body = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(body.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (body.length() > 0) {
                        body.deleteCharAt(Math.min(at, body.length() - 1));
                    }
                }
                case 1 -> body.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 2 -> body.setLength(at);
                case 3 -> replaceAValue(body);
                case 4 -> body.insert(at, body.substring(at, Math.min(body.length(), at + 1 + random.nextInt(8))));
                default -> body.insert(random.nextBoolean() ? 0 : body.length(), INSERTS[random.nextInt(INSERTS.length)]);
            }
        }
        return body.toString();
    }

    /** Swaps the value after a random ':' for another JSON value of any type. */
    private void replaceAValue(StringBuilder body) {
        int colon = body.indexOf(":", random.nextInt(Math.max(1, body.length())));
        if (colon < 0) {
            colon = body.indexOf(":");
        }
        if (colon < 0) {
            return;
        }
        int end = colon + 1;
        boolean inString = false;
        while (end < body.length()) {
            char c = body.charAt(end);
            if (c == '"' && body.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == ',' || c == '}')) {
                break;
            }
            end++;
        }
        body.replace(colon + 1, end, VALUES[random.nextInt(VALUES.length)]);
    }

    private record Endpoint(Api client, String method, String path, String validBody) {
    }
}
