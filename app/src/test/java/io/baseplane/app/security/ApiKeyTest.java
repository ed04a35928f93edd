package io.baseplane.app.security;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service API keys through the real HTTP stack: issued once in plain text, stored only as a hash, accepted
 * in {@code X-API-Key} with the key's tenant and roles, refused alike when wrong, unknown, malformed or
 * revoked, and managed only by the tenant's admins (with tokens, not keys).
 */
class ApiKeyTest extends PlatformTestBase {

    private String tenantId;
    private Api admin;

    @BeforeEach
    void aTenantWithAnAdmin() {
        tenantId = createTenant("TEAM");
        admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    @Test
    void anIssuedKeyActsInItsTenantWithItsRolesAndIsRecordedAsTheCaller() {
        JsonNode issued = issue("ci-bot", "TENANT_ADMIN");
        String key = issued.get("key").asText();
        String workspaceId = UUID.randomUUID().toString();

        Api.Response provisioned = withKey(key).post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("id", workspaceId, "name", "From CI"));

        assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(202);
        eventually(() -> events.typesOf(workspaceId).contains("MemberAdded"));
        assertThat(events.rowsOf(workspaceId).get(0).get("meta_data").toString())
                .contains("apikey:" + issued.get("id").asText()).contains(tenantId);
        assertThat(readTenant(withKey(key)).status()).isEqualTo(200);
    }

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsItsHash() {
        JsonNode issued = issue("ci-bot", "MEMBER");
        String key = issued.get("key").asText();

        assertThat(key).startsWith("bpk_");
        JsonNode listed = admin.get("/api/v1/tenants/" + tenantId + "/api-keys").json();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.toString()).doesNotContain(key).doesNotContain(secretOf(key));
        assertThat(listed.get("items").get(0).get("roles").toString()).isEqualTo("[\"MEMBER\"]");
        assertThat(listed.get("items").get(0).has("key")).isFalse();
        byte[] stored = jdbc.queryForObject("select key_hash from api_key where key_id = ?::uuid", byte[].class,
                issued.get("id").asText());
        assertThat(stored).isEqualTo(sha256(secretOf(key)));
        assertThat(jdbc.queryForObject("select count(*) from api_key where position(convert_to(?, 'UTF8') in key_hash) > 0 "
                + "or name || roles || created_by like ?", Long.class, secretOf(key),
                "%" + secretOf(key) + "%")).isZero();
    }

    @Test
    void aWrongUnknownMalformedOrRevokedKeyIsUnauthenticatedAndWritesNothing() {
        JsonNode issued = issue("ci-bot", "TENANT_ADMIN");
        String key = issued.get("key").asText();
        String wrongSecret = key.substring(0, key.length() - secretOf(key).length()) + "A".repeat(43);
        String unknownId = "bpk_" + UUID.randomUUID().toString().replace("-", "") + "_" + secretOf(key);
        long before = events.count();

        for (String bad : List.of(wrongSecret, unknownId, "bpk_nonsense", "", key + "x")) {
            Api.Response refused = withKey(bad).post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "X"));
            assertProblem(refused, 401);
            assertThat(refused.body()).doesNotContain(bad.isEmpty() ? "\u0000" : bad);
        }
        assertThat(admin.delete("/api/v1/tenants/" + tenantId + "/api-keys/" + issued.get("id").asText()).status())
                .isEqualTo(204);
        assertProblem(withKey(key).get("/api/v1/tenants/" + tenantId), 401);
        assertThat(events.count()).isEqualTo(before);
        JsonNode listed = admin.get("/api/v1/tenants/" + tenantId + "/api-keys").json();
        assertThat(listed.get("items").get(0).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void aKeyCarriesOnlyItsRoles() {
        String memberKey = issue("reader", "MEMBER").get("key").asText();

        assertProblem(withKey(memberKey).post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "X")), 403);
        assertThat(readTenant(withKey(memberKey)).status()).isEqualTo(200);
    }

    @Test
    void aKeyStaysInsideItsTenant() {
        String otherTenant = createTenant("FREE");
        String key = issue("ci-bot", "TENANT_ADMIN").get("key").asText();
        // The other tenant's view exists, so a 404 below is isolation, not lag.
        assertThat(api.as(tokens.tenantAdmin(otherTenant, "mallory")).header("X-Min-Version", "2")
                .get("/api/v1/tenants/" + otherTenant).status()).isEqualTo(200);

        assertProblem(withKey(key).get("/api/v1/tenants/" + otherTenant), 404);
        assertProblem(withKey(key).post("/api/v1/tenants/" + otherTenant + "/workspaces", Map.of("name", "X")), 404);
    }

    @Test
    void keysAreManagedByTheTenantsAdminsWithTokensOnly() {
        String key = issue("ci-bot", "TENANT_ADMIN").get("key").asText();
        String keyId = admin.get("/api/v1/tenants/" + tenantId + "/api-keys").json().get("items").get(0).get("id").asText();
        String otherTenant = createTenant("FREE");

        assertProblem(withKey(key).post("/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", "more", "roles", List.of("MEMBER"))), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).get("/api/v1/tenants/" + tenantId + "/api-keys"), 403);
        assertProblem(api.as(tokens.tenantAdmin(otherTenant, "mallory"))
                .delete("/api/v1/tenants/" + tenantId + "/api-keys/" + keyId), 404);
        assertProblem(api.as(tokens.tenantAdmin(otherTenant, "mallory"))
                .get("/api/v1/tenants/" + tenantId + "/api-keys"), 404);
        assertProblem(admin.delete("/api/v1/tenants/" + tenantId + "/api-keys/" + UUID.randomUUID()), 404);
        assertThat(readTenant(withKey(key)).status()).as("still valid").isEqualTo(200);
    }

    @Test
    void badIssueRequestsAreRefusedNamingTheField() {
        assertInvalidField(admin.post("/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", "ops", "roles", List.of("PLATFORM_OPERATOR"))), "roles");
        assertInvalidField(admin.post("/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", "ops", "roles", List.of())), "roles");
        assertInvalidField(admin.post("/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", " ", "roles", List.of("MEMBER"))), "name");
        assertThat(jdbc.queryForObject("select count(*) from api_key where tenant_id = ?::uuid", Long.class, tenantId))
                .isZero();
    }

    @Test
    void aBearerTokenAndAKeyTogetherAreRefused() {
        String key = issue("ci-bot", "TENANT_ADMIN").get("key").asText();

        assertProblem(admin.header("X-API-Key", key).get("/api/v1/tenants/" + tenantId), 401);
    }

    private JsonNode issue(String name, String role) {
        Api.Response issued = admin.post("/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", name, "roles", List.of(role)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json();
    }

    /** The tenant as soon as its view shows the onboarded tenant. */
    private Api.Response readTenant(Api client) {
        return client.header("X-Min-Version", Long.toString(ONBOARDED_VERSION)).get("/api/v1/tenants/" + tenantId);
    }

    /** The secret part of {@code bpk_<32 hex>_<secret>}; the secret itself may contain '_'. */
    private static String secretOf(String key) {
        return key.substring("bpk_".length() + 32 + 1);
    }

    private Api withKey(String key) {
        return api.header("X-API-Key", key);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
