package io.baseplane.app.security;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Request budgets per caller and per tenant, through the real HTTP stack with small budgets: the request
 * over the budget gets 429 problem+json with {@code Retry-After}, writes nothing, and other callers and
 * tenants keep theirs. Budgets are per key and start with a caller's first request, so each test uses
 * fresh tenants and callers.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "baseplane.rate-limit.per-caller=5",
        "baseplane.rate-limit.per-tenant=8",
        "baseplane.rate-limit.period=1h",
        "baseplane.rate-limit.failed-authentications-per-address=3",
        "baseplane.rate-limit.failed-authentication-period=1h"})
// The failed-authentication budget belongs to the address all these requests share: that test runs last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest extends PlatformTestBase {

    @Test
    void aCallerOverItsBudgetIsToldToRetryLaterAndWritesNothing() {
        String tenantId = UUID.randomUUID().toString();
        Api alice = api.as(tokens.tenantAdmin(tenantId, "alice"));
        for (int i = 0; i < 5; i++) {
            assertThat(alice.get("/api/v1/tenants/" + tenantId).status()).as("request %d", i + 1).isNotEqualTo(429);
        }
        long before = events.count();

        Api.Response refused = alice.post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Design"));

        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.get("type").asText()).endsWith("/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void callersOfOneTenantShareTheTenantsBudget() {
        String tenantId = UUID.randomUUID().toString();
        Api alice = api.as(tokens.member(tenantId, "alice"));
        Api bob = api.as(tokens.member(tenantId, "bob"));
        for (int i = 0; i < 5; i++) {
            assertThat(alice.get("/api/v1/tenants/" + tenantId).status()).isNotEqualTo(429);
        }

        for (int i = 0; i < 3; i++) {
            assertThat(bob.get("/api/v1/tenants/" + tenantId).status()).as("bob's request %d", i + 1).isNotEqualTo(429);
        }
        assertProblem(bob.get("/api/v1/tenants/" + tenantId), 429);
    }

    @Test
    void anotherTenantAndAnotherCallerKeepTheirBudgets() {
        String busy = UUID.randomUUID().toString();
        String quiet = UUID.randomUUID().toString();
        Api alice = api.as(tokens.member(busy, "alice"));
        for (int i = 0; i < 6; i++) {
            alice.get("/api/v1/tenants/" + busy);
        }
        assertProblem(alice.get("/api/v1/tenants/" + busy), 429);

        assertThat(api.as(tokens.member(quiet, "alice")).get("/api/v1/tenants/" + quiet).status()).isNotEqualTo(429);
        assertThat(api.as(tokens.member(busy, "carol")).get("/api/v1/tenants/" + busy).status()).isNotEqualTo(429);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anAddressThatKeepsBringingBadCredentialsIsHeldOffButValidCredentialsAndNoneAreNot() {
        String tenantId = UUID.randomUUID().toString();
        Api forged = api.as("not-a-token");
        for (int i = 0; i < 3; i++) {
            assertProblem(forged.get("/api/v1/tenants/" + tenantId), 401);
        }

        Api.Response heldOff = api.header("X-API-Key", "bpk_guess").get("/api/v1/tenants/" + tenantId);
        Api.Response anotherForgery = api.as("still-not-a-token").get("/api/v1/tenants/" + tenantId);
        Api.Response aValidToken = api.as(tokens.member(tenantId, "alice")).get("/api/v1/tenants/" + tenantId);

        assertProblem(heldOff, 429);
        assertThat(Long.parseLong(heldOff.header("Retry-After"))).isBetween(1L, 3600L);
        assertProblem(anotherForgery, 429);
        assertThat(aValidToken.status()).as("the penalty falls on refused credentials, not on everyone at the address")
                .isNotIn(401, 429);
        assertThat(api.get("/actuator/health").status()).as("no credentials, not held off").isEqualTo(200);
    }
}
