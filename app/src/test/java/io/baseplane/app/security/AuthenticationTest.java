package io.baseplane.app.security;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Who gets in: only tokens signed with the expected key and algorithm, from the expected issuer for the
 * expected audience, currently valid and naming a subject. Each refusal is checked on a request that
 * would otherwise write an event, and writes none.
 */
class AuthenticationTest extends PlatformTestBase {

    private static final Duration BEYOND_CLOCK_SKEW = Duration.ofMinutes(10);

    @Value("${baseplane.security.hmac-secret}")
    private String testKey;

    // ---- tokens that must not get in ----------------------------------------------------------------

    @Test
    void noTokenIsUnauthenticated() {
        assertUnauthenticated(api);
    }

    @Test
    void aGarbageTokenIsUnauthenticated() {
        assertUnauthenticated(api.as("garbage"));
        assertUnauthenticated(api.as("a.b.c"));
        assertUnauthenticated(api.header("Authorization", "Basic b3BlcmF0b3I6c2VjcmV0"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        assertUnauthenticated(api.as(sign(otherKey, claims -> { })));
    }

    @Test
    void anUnsignedAlgNoneTokenIsUnauthenticated() {
        Instant now = Instant.now();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"baseplane-local\",\"aud\":[\"baseplane\"],\"sub\":\"operator\","
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(BEYOND_CLOCK_SKEW).getEpochSecond()
                + ",\"roles\":[\"PLATFORM_OPERATOR\"]}");

        assertUnauthenticated(api.as(header + "." + claims + "."));
        // A none token carrying the signature of a real one is no better.
        String real = sign(key(), c -> { });
        assertUnauthenticated(api.as(header + "." + claims + "." + real.substring(real.lastIndexOf('.') + 1)));
    }

    @Test
    void aTokenSignedWithTheRightKeyButAnotherAlgorithmIsUnauthenticated() throws Exception {
        // The platform's own secret, but HS512 or HS384 instead of HS256: only the expected algorithm counts.
        assertUnauthenticated(api.as(handSigned("HS512", "HmacSHA512")));
        assertUnauthenticated(api.as(handSigned("HS384", "HmacSHA384")));
        // The same hand-made token with the expected algorithm gets in, so the algorithm alone was refused.
        Api.Response accepted = api.as(handSigned("HS256", "HmacSHA256"))
                .post("/api/v1/tenants", Map.of("name", "Hand signed", "plan", "FREE"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        Instant past = Instant.now().minus(Duration.ofHours(1));

        assertUnauthenticated(api.as(sign(key(), claims -> claims.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))))));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.issuer("https://evil.example"))));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.audience(List.of("some-other-service")))));
    }

    @Test
    void aTokenWithoutAudienceIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claims(all -> all.remove("aud")))));
    }

    @Test
    void aTokenNotYetValidIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.notBefore(Instant.now().plus(BEYOND_CLOCK_SKEW)))));
    }

    @Test
    void aTokenWithoutSubjectIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claims(all -> all.remove("sub")))));
        assertUnauthenticated(api.as(sign(key(), claims -> claims.subject("  "))));
    }

    @Test
    void aTokenWithoutExpiryIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claims(all -> all.remove("exp")))));
    }

    @Test
    void aTokenWhoseClaimsHaveTheWrongShapeIsUnauthenticated() {
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claim("roles", "PLATFORM_OPERATOR"))));
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claim("roles", List.of("PLATFORM_OPERATOR", 7)))));
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claim("tenant_id", "acme"))));
        assertUnauthenticated(api.as(sign(key(), claims -> claims.claim("tenant_id", 42))));
    }

    @Test
    void rolesThePlatformDoesNotKnowGrantNothing() {
        String tenantId = createTenant("FREE");

        Api.Response unknownOnly = api.as(tokens.token("root", tenantId, "ROOT")).get("/api/v1/tenants/" + tenantId);
        Api.Response none = api.as(tokens.token("nobody", tenantId)).get("/api/v1/tenants/" + tenantId);
        Api.Response knownBeside = api.as(tokens.token("mia", tenantId, "ROOT", "MEMBER"))
                .header("X-Min-Version", Long.toString(ONBOARDED_VERSION)).get("/api/v1/tenants/" + tenantId);

        assertProblem(unknownOnly, 403);
        assertProblem(none, 403);
        assertThat(knownBeside.status()).as(knownBeside.toString()).isEqualTo(200);
    }

    @Test
    void aTokenWithATamperedPayloadIsUnauthenticated() {
        String token = sign(key(), claims -> claims.claim("roles", List.of("TENANT_ADMIN")));
        String[] parts = token.split("\\.");
        String elevated = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("TENANT_ADMIN", "PLATFORM_OPERATOR");

        assertUnauthenticated(api.as(parts[0] + "." + base64Url(elevated) + "." + parts[2]));
    }

    @Test
    void theTestsOwnSignerIsAcceptedSoTheRefusalsAboveAreMeaningful() {
        Api.Response response = api.as(sign(key(), claims -> { }))
                .post("/api/v1/tenants", Map.of("name", "Signed right", "plan", "FREE"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    // ---- authenticated, but not allowed -------------------------------------------------------------

    @Test
    void aTenantAdminWithoutTenantIsForbiddenToChangeAWorkspace() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        Api homeless = api.as(tokens.token("olivia", null, "TENANT_ADMIN"));
        long before = events.count();

        Api.Response member = homeless.post("/api/v1/workspaces/" + workspaceId + "/members",
                Map.of("userId", "bob", "role", "EDITOR"));
        Api.Response renamed = homeless.patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Mine"));
        Api.Response provisioned = homeless.post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "X"));

        assertProblem(member, 403);
        assertProblem(renamed, 403);
        assertProblem(provisioned, 403);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aTokenWithoutRolesIsForbiddenToSendCommands() {
        String tenantId = createTenant("FREE");
        long before = events.count();

        Api.Response response = api.as(tokens.token("nobody", tenantId))
                .post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "X"));

        assertProblem(response, 403);
        assertThat(events.count()).isEqualTo(before);
    }

    // ---- actuator -----------------------------------------------------------------------------------

    @Test
    void healthIsPublicAndUp() {
        Api.Response health = api.get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("jdbc:", "postgres", "headPosition");
        assertThat(health.json().has("components")).as("the status alone for anonymous callers").isFalse();
    }

    @Test
    void otherActuatorEndpointsAreNotReachable() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/metrics", "/actuator/loggers", "/actuator")) {
            Api.Response anonymous = api.get(path);
            Api.Response operator = api.as(tokens.operator()).get(path);
            assertThat(anonymous.status()).as(path + " " + anonymous).isIn(401, 403, 404);
            assertThat(operator.status()).as(path + " as operator " + operator).isIn(401, 403, 404);
            assertProblem(anonymous, anonymous.status());
            assertProblem(operator, operator.status());
            assertThat(anonymous.body() + operator.body()).as(path).doesNotContain("hmac", "datasource", "password");
        }
    }

    // ---- dev tokens ---------------------------------------------------------------------------------

    @Test
    void aDevTokenMintedFromLoopbackWorksForAnApiCall() {
        Api.Response minted = api.post("/dev/tokens", Map.of("sub", "dev-operator", "roles", List.of("PLATFORM_OPERATOR")));

        assertThat(minted.status()).as(minted.toString()).isEqualTo(200);
        JsonNode answer = minted.json();
        assertThat(Instant.parse(answer.get("expiresAt").asText())).isAfter(Instant.now());
        String tenantId = UUID.randomUUID().toString();
        Api.Response created = api.as(answer.get("token").asText())
                .post("/api/v1/tenants", Map.of("id", tenantId, "name", "Dev", "plan", "FREE"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(events.rowsOf(tenantId).get(0).get("meta_data").toString()).contains("\"dev-operator\"");
    }

    @Test
    void aDevTokenForATenantAdminActsInsideThatTenantOnly() {
        String tenantId = createTenant("FREE");
        Api.Response minted = api.post("/dev/tokens",
                Map.of("sub", "dev-admin", "tenantId", tenantId, "roles", List.of("TENANT_ADMIN")));
        Api admin = api.as(minted.json().get("token").asText());
        String otherTenant = createTenant("FREE");
        long before = events.count();

        Api.Response operatorOnly = admin.post("/api/v1/tenants", Map.of("name", "Sneaky", "plan", "FREE"));
        Api.Response elsewhere = admin.post("/api/v1/tenants/" + otherTenant + "/workspaces", Map.of("name", "X"));

        assertProblem(operatorOnly, 403);
        assertProblem(elsewhere, 404);
        assertThat(events.count()).isEqualTo(before);
        Api.Response own = admin.post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Dev space"));
        assertThat(own.status()).as(own.toString()).isEqualTo(202);
        String workspaceId = own.json().get("id").asText();
        eventually(() -> events.typesOf(workspaceId).contains("MemberAdded"));
    }

    @Test
    void aDevTokenRequestWithAnUnknownRoleIsBadInput() {
        Api.Response unknownRole = api.post("/dev/tokens", Map.of("sub", "dev", "roles", List.of("GOD")));
        Api.Response blankSubject = api.post("/dev/tokens", Map.of("sub", " ", "roles", List.of("TENANT_ADMIN")));
        Api.Response badTenant = api.post("/dev/tokens", Map.of("sub", "dev", "tenantId", "acme",
                "roles", List.of("TENANT_ADMIN")));

        assertThat(assertProblem(unknownRole, 400).toString()).doesNotContain("token\":");
        assertProblem(blankSubject, 400);
        assertProblem(badTenant, 400);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** POST /api/v1/tenants is a command only an authenticated operator could send; it must write nothing. */
    private void assertUnauthenticated(Api client) {
        long before = events.count();

        Api.Response response = client.post("/api/v1/tenants", Map.of("name", "Intruder", "plan", "FREE"));

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.get("type").asText()).endsWith("/unauthenticated");
        assertThat(events.count()).isEqualTo(before);
    }

    private byte[] key() {
        return Base64.getDecoder().decode(testKey.strip());
    }

    private static JwtClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer("baseplane-local")
                .audience(List.of("baseplane"))
                .subject("operator")
                .issuedAt(now)
                .expiresAt(now.plus(BEYOND_CLOCK_SKEW))
                .claim("roles", List.of("PLATFORM_OPERATOR"));
    }

    /** An operator's token with the given changes, signed HS256 with {@code key}. */
    private static String sign(byte[] key, Consumer<JwtClaimsSet.Builder> change) {
        JwtClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        return new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    /** An operator's token assembled by hand and signed with the platform's key under {@code alg}. */
    private String handSigned(String alg, String macAlgorithm) throws Exception {
        Instant now = Instant.now();
        String signingInput = base64Url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + base64Url(
                "{\"iss\":\"baseplane-local\",\"aud\":[\"baseplane\"],\"sub\":\"operator\",\"iat\":"
                        + now.getEpochSecond() + ",\"exp\":" + now.plus(BEYOND_CLOCK_SKEW).getEpochSecond()
                        + ",\"roles\":[\"PLATFORM_OPERATOR\"]}");
        Mac hmac = Mac.getInstance(macAlgorithm);
        hmac.init(new SecretKeySpec(key(), macAlgorithm));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
