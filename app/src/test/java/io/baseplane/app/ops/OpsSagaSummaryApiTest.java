package io.baseplane.app.ops;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.kernel.saga.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Counts of sagas for operators: the summary endpoint, the stuck gauge per saga type and the health detail.
 * Other tests' sagas count too, so the assertions are about what this test's rows add.
 */
class OpsSagaSummaryApiTest extends OpsTestBase {

    @Autowired
    @Qualifier("sagasHealthIndicator")
    private HealthIndicator sagasHealth;

    @Test
    void theSummaryCountsEveryTypeAndStatusWithTheStuckOnesAndTheOldestStuckAge() {
        JsonNode before = summary();
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        rows.saga(tenantId).type("AirtableSyncRun").status("PARKED").lastProgressAt(tenDaysAgo).insert();
        rows.saga(tenantId).type("AirtableSyncRun").status("PARKED").insert();
        rows.saga(tenantId).type("AirtableSyncRun").status("COMPLETED").endedAt(Instant.now()).insert();

        JsonNode after = summary();

        assertThat(count(after, "AirtableSyncRun", "PARKED")).isEqualTo(count(before, "AirtableSyncRun", "PARKED") + 2);
        assertThat(count(after, "AirtableSyncRun", "COMPLETED"))
                .isGreaterThanOrEqualTo(count(before, "AirtableSyncRun", "COMPLETED") + 1);
        JsonNode sync = type(after, "AirtableSyncRun");
        assertThat(sync.get("stuck").asLong()).isGreaterThanOrEqualTo(type(before, "AirtableSyncRun").get("stuck").asLong() + 2);
        assertThat(sync.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(sync.get("byStatus").size()).as("every status, zeros included").isEqualTo(SagaStatus.values().length);
        assertThat(sync.get("oldestStuckAgeSeconds").asLong()).isGreaterThanOrEqualTo(Duration.ofDays(10).toSeconds());
        assertThat(after.get("stuck").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(after.get("oldestStuckAgeSeconds").asLong()).isGreaterThanOrEqualTo(Duration.ofDays(10).toSeconds());
        assertThat(after.get("types").findValuesAsText("type"))
                .contains("TenantOnboarding", "WorkspaceProvisioning", "AirtableSyncRun", "WorkflowExecution");
    }

    @Test
    void stuckSagasAreAGaugePerTypeAndAHealthDetailThatNeverGoesDown() {
        rows.saga(tenantId).type("WorkspaceProvisioning").status("PARKED")
                .lastProgressAt(Instant.now().minus(Duration.ofDays(3))).insert();

        // The count is refreshed every few seconds at most.
        eventually(() -> stuckGauge("WorkspaceProvisioning") >= 1);
        Api.Response scraped = api.as(tokens.operator()).get("/actuator/prometheus");
        assertThat(scraped.body()).contains("baseplane_sagas_stuck{saga=\"WorkflowExecution\"}",
                "baseplane_sagas_stuck{saga=\"TenantOnboarding\"}", "baseplane_sagas_stuck{saga=\"AirtableSyncRun\"}");

        Health health = sagasHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Long) health.getDetails().get("stuck")).isGreaterThanOrEqualTo(1);
        assertThat((Long) health.getDetails().get("oldestStuckAgeSeconds"))
                .isGreaterThanOrEqualTo(Duration.ofDays(3).toSeconds());
        JsonNode anonymous = api.get("/actuator/health").json();
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("details for operators only").isFalse();
        JsonNode forOperators = api.as(tokens.operator()).get("/actuator/health").json();
        assertThat(forOperators.at("/components/sagas/status").asText()).isEqualTo("UP");
        assertThat(forOperators.at("/components/sagas/details/stuck").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/actuator/health").json().has("components"))
                .as("not for tenant admins").isFalse();
    }

    @Test
    void onlyOperatorsMaySeeTheSummary() {
        assertProblem(api.get("/api/v1/ops/sagas/summary"), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/api/v1/ops/sagas/summary"), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).get("/api/v1/ops/sagas/summary"), 403);
    }

    private double stuckGauge(String type) {
        String body = api.as(tokens.operator()).get("/actuator/prometheus").body();
        Matcher value = Pattern.compile("baseplane_sagas_stuck\\{saga=\"" + type + "\"} (\\S+)").matcher(body);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    private JsonNode summary() {
        Api.Response answer = api.as(tokens.operator()).get("/api/v1/ops/sagas/summary");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode type(JsonNode summary, String type) {
        for (JsonNode counts : summary.get("types")) {
            if (counts.get("type").asText().equals(type)) {
                return counts;
            }
        }
        throw new AssertionError("no " + type + " in " + summary);
    }

    private static long count(JsonNode summary, String type, String status) {
        return type(summary, type).get("byStatus").get(status).asLong();
    }
}
