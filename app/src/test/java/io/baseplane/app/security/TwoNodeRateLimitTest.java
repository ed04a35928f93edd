package io.baseplane.app.security;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SecondNode;
import io.baseplane.app.testing.SeparatePlatform;
import io.baseplane.app.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request budgets hold across nodes (docs/adr/0020): two platform instances on one database, through the real HTTP
 * stack, with small budgets on both. A node hands out a tenth of a budget, rounded down, from its own copy of the
 * bucket: nothing of the caller budget (8) and the failed-authentication budget (4), so those are exact across nodes;
 * 4 of the tenant budget (40), so across two nodes a tenant gets at most 8 requests beyond it. And while the database
 * is out of reach, requests are admitted rather than failed by their budget check.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeRateLimitTest extends PlatformTestBase {

    private static final int PER_CALLER = 8;
    private static final int PER_TENANT = 40;
    private static final int UNSYNCHRONIZED_OF_TENANT = 4;
    private static final int FAILED_AUTHENTICATIONS = 4;

    /** The same budgets on both nodes; a node with other budgets would use other buckets. */
    private static final Map<String, String> BUDGETS = Map.of(
            "baseplane.rate-limit.per-caller", Integer.toString(PER_CALLER),
            "baseplane.rate-limit.per-tenant", Integer.toString(PER_TENANT),
            "baseplane.rate-limit.period", "1h",
            "baseplane.rate-limit.failed-authentications-per-address", Integer.toString(FAILED_AUTHENTICATIONS),
            "baseplane.rate-limit.failed-authentication-period", "1h",
            "baseplane.rate-limit.unsynchronized-share", "0.1");

    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    private Api second;

    @DynamicPropertySource
    static void budgets(DynamicPropertyRegistry registry) {
        BUDGETS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void startASecondNodeWithTheSameBudgets() {
        if (secondNode == null) {
            secondNode = SecondNode.startOn(environment, BUDGETS);
        }
        second = secondNode.api();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    @Order(1)
    void aCallerThatSpentHalfItsBudgetOnEachNodeIsRefusedOnEither() {
        String tenantId = UUID.randomUUID().toString();
        String alice = tokens.member(tenantId, "alice");
        for (int i = 0; i < PER_CALLER; i++) {
            Api node = i < PER_CALLER / 2 ? api : second;
            assertThat(node.as(alice).get("/api/v1/tenants/" + tenantId).status()).as("request %d", i + 1)
                    .isNotEqualTo(429);
        }

        Api.Response onTheFirst = api.as(alice).get("/api/v1/tenants/" + tenantId);
        Api.Response onTheSecond = second.as(alice).get("/api/v1/tenants/" + tenantId);

        for (Api.Response refused : List.of(onTheFirst, onTheSecond)) {
            assertThat(assertProblem(refused, 429).get("type").asText()).endsWith("/rate-limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        }
        assertThat(api.as(tokens.member(tenantId, "bob")).get("/api/v1/tenants/" + tenantId).status())
                .as("another caller of the tenant keeps its budget").isNotEqualTo(429);
    }

    @Test
    @Order(2)
    void aTenantsBudgetIsExceededAcrossNodesByNoMoreThanEachNodesUnsynchronizedShare() {
        String tenantId = UUID.randomUUID().toString();
        // The tenant's whole budget, half through each node, from callers that stay within their own budgets.
        for (int i = 0; i < PER_TENANT; i++) {
            Api node = i < PER_TENANT / 2 ? api : second;
            String caller = tokens.member(tenantId, "caller-" + i / (PER_CALLER / 2));
            assertThat(node.as(caller).get("/api/v1/tenants/" + tenantId).status()).as("request %d", i + 1)
                    .isNotEqualTo(429);
        }

        List<Integer> beyond = new ArrayList<>();
        for (int i = 0; i < 2 * (2 * UNSYNCHRONIZED_OF_TENANT + 2); i++) {
            Api node = i % 2 == 0 ? api : second;
            beyond.add(node.as(tokens.member(tenantId, "late-" + i)).get("/api/v1/tenants/" + tenantId).status());
        }

        assertThat(beyond.stream().filter(status -> status != 429).count())
                .as("admitted beyond the tenant's budget, alternating nodes: %s", beyond)
                .isLessThanOrEqualTo(2L * UNSYNCHRONIZED_OF_TENANT);
        assertThat(beyond.subList(beyond.size() - 4, beyond.size())).as("in the end both nodes refuse: %s", beyond)
                .containsOnly(429);
    }

    @Test
    @Order(3)
    void anAddressThatBroughtBadCredentialsToBothNodesIsHeldOffOnEither() {
        String tenantId = UUID.randomUUID().toString();
        for (int i = 0; i < FAILED_AUTHENTICATIONS / 2; i++) {
            assertProblem(api.as("forged-" + i).get("/api/v1/tenants/" + tenantId), 401);
            assertProblem(second.header("X-API-Key", "bpk_guess" + i).get("/api/v1/tenants/" + tenantId), 401);
        }

        Api.Response onTheFirst = api.header("X-API-Key", "bpk_another_guess").get("/api/v1/tenants/" + tenantId);
        Api.Response onTheSecond = second.as("another-forgery").get("/api/v1/tenants/" + tenantId);

        for (Api.Response heldOff : List.of(onTheFirst, onTheSecond)) {
            assertProblem(heldOff, 429);
            assertThat(Long.parseLong(heldOff.header("Retry-After"))).isBetween(1L, 3600L);
        }
        String valid = tokens.member(tenantId, "carol");
        assertThat(api.as(valid).get("/api/v1/tenants/" + tenantId).status()).isNotIn(401, 429);
        assertThat(second.as(valid).get("/api/v1/tenants/" + tenantId).status()).isNotIn(401, 429);
    }

    @Test
    @Order(4)
    void whileTheDatabaseIsOutOfReachBudgetChecksAdmitRequestsAndAfterwardsTheyRefuseAgain() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        // Callers no node has seen: their checks cannot be answered from a node's own copy of a bucket.
        Api dora = api.as(tokens.member(tenantId, "dora"));
        Api eve = api.as(tokens.member(tenantId, "eve"));
        Api doraOnTheSecond = second.as(tokens.member(tenantId, "dora"));

        try (AutoCloseable outage = TestDatabase.outage(environment.getRequiredProperty("spring.datasource.url"))) {
            long started = System.nanoTime();
            Api.Response live = dora.get("/actuator/health/liveness");
            Duration firstCheck = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            Api.Response alsoLive = eve.get("/actuator/health/liveness");
            Duration whilePaused = Duration.ofNanos(System.nanoTime() - started);
            Api.Response query = eve.get("/api/v1/tenants/" + tenantId);

            assertThat(live.status()).as("needs no database: served, " + live).isEqualTo(200);
            assertThat(alsoLive.status()).as(alsoLive.toString()).isEqualTo(200);
            assertThat(doraOnTheSecond.get("/actuator/health/liveness").status()).as("the second node").isEqualTo(200);
            assertThat(assertProblem(query, 503).get("type").asText()).as("needs the database: the usual 503")
                    .endsWith("/database-unavailable");
            assertThat(firstCheck).as("the first check waits for a connection at most once").isLessThan(Duration.ofSeconds(4));
            assertThat(whilePaused).as("later checks do not try the database again at once")
                    .isLessThan(Duration.ofMillis(1500));
        }

        Api frank = api.as(tokens.member(tenantId, "frank"));
        eventually(() -> frank.get("/api/v1/tenants/" + tenantId).status() == 429);
    }
}
