package io.baseplane.app.database;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import io.baseplane.app.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A database outage from the outside: while the platform's database refuses connections, commands, queries and
 * readiness answer within seconds (503 with {@code Retry-After}, readiness DOWN) instead of hanging; once the
 * database is back, the platform serves again without a restart. A platform of its own, so the outage touches
 * no other test.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends PlatformTestBase {

    private static final Duration FAST = Duration.ofSeconds(5);

    @Autowired
    private Environment environment;

    @Test
    void duringAnOutageRequestsFailFastWith503AndTheyServeAgainAfterIt() throws Exception {
        String tenantId = createTenant("FREE");
        Api operator = api.as(tokens.operator());

        try (AutoCloseable outage = TestDatabase.outage(environment.getRequiredProperty("spring.datasource.url"))) {
            long started = System.nanoTime();
            Api.Response command = operator.post("/api/v1/tenants",
                    Map.of("id", UUID.randomUUID().toString(), "name", "During", "plan", "FREE"));
            Api.Response query = operator.get("/api/v1/tenants/" + tenantId);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertReadinessDownWithinASecond();

            for (Api.Response response : new Api.Response[] {command, query}) {
                assertThat(assertProblem(response, 503).get("type").asText()).as(response.toString())
                        .endsWith("/database-unavailable");
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
            assertThat(took).as("two requests while the database is out of reach").isLessThan(FAST.multipliedBy(2));
        }

        eventually(() -> operator.get("/api/v1/tenants/" + tenantId).status() == 200);
        Api.Response after = operator.post("/api/v1/tenants", Map.of("name", "After", "plan", "FREE"));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
    }

    @Test
    void aDatabaseThatStopsAnsweringCostsARequestOnlyTheStatementTimeout() throws Exception {
        String tenantId = createTenant("FREE");
        Api operator = api.as(tokens.operator());
        String url = environment.getRequiredProperty("spring.datasource.url");

        try (AutoCloseable stuck = TestDatabase.lockedTables(url, "tenant_view", "domain_event_entry")) {
            for (Api.Response response : new Api.Response[] {
                    operator.get("/api/v1/tenants/" + tenantId),
                    operator.post("/api/v1/tenants", Map.of("name", "Stuck", "plan", "FREE"))}) {
                assertThat(assertProblem(response, 503).get("type").asText()).as(response.toString())
                        .endsWith("/database-unavailable");
            }
            assertReadinessDownWithinASecond();
        }

        eventually(() -> api.get("/actuator/health/readiness").status() == 200);
        assertThat(operator.get("/api/v1/tenants/" + tenantId).status()).isEqualTo(200);
    }

    private void assertReadinessDownWithinASecond() {
        long started = System.nanoTime();
        Api.Response readiness = api.get("/actuator/health/readiness");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        assertThat(took).as("readiness while the database does not answer").isLessThan(Duration.ofSeconds(1));
    }
}
