package io.baseplane.app.ops;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One saga in full over HTTP, from rows as the journal and Axon leave them: its state with secrets redacted,
 * its associations and pending deadlines, and a timeline of its journal merged with its aggregates' events.
 */
class OpsSagaDetailApiTest extends OpsTestBase {

    @Test
    void aSagaShowsItsRedactedStateAssociationsDeadlinesAndTimeline() {
        String tenantId = createTenant("FREE");
        Instant now = Instant.now();
        String key = UUID.randomUUID().toString();
        String sagaId = rows.saga(tenantId).type("WorkspaceProvisioning").key(key).status("RETRYING").step("add owner")
                .attempts(2).error("connection reset").startedAt(now.minusSeconds(3600)).insert();
        rows.sagaEntry(sagaId, """
                {"workspaceId":"%s","tenantId":"%s","attempts":2,"tokenRef":"[vault:airtable]",
                 "steps":[{"name":"call","headers":{"Authorization":"Bearer abc.def","Accept":"text/plain"}}],
                 "client":{"api_key":"k-123","timeout":1.25}}""".formatted(key, tenantId),
                "workspaceId", key, "tenantId", tenantId);
        String later = rows.deadline(sagaId, "saga-retry", now.plus(Duration.ofDays(2)));
        String sooner = rows.deadline(sagaId, "step-timeout", now.plus(Duration.ofDays(1)));
        rows.deadline(UUID.randomUUID().toString(), "someone-elses", now.plus(Duration.ofDays(1)));
        // Before the journal knew saga ids, entries named only the saga type and key.
        rows.journal(null, "WorkspaceProvisioning", key, tenantId, "create workspace", "STARTED", null, now.minusSeconds(3500));
        rows.journal(sagaId, "WorkspaceProvisioning", key, tenantId, "add owner", "RETRYING", "connection reset", now.minusSeconds(5));
        rows.journal(UUID.randomUUID().toString(), "WorkspaceProvisioning", key, tenantId, "other", "STARTED", null, now);

        JsonNode saga = detail(sagaId);

        assertThat(saga.get("sagaId").asText()).isEqualTo(sagaId);
        assertThat(saga.get("type").asText()).isEqualTo("WorkspaceProvisioning");
        assertThat(saga.get("key").asText()).isEqualTo(key);
        assertThat(saga.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(saga.get("status").asText()).isEqualTo("RETRYING");
        assertThat(saga.get("currentStep").asText()).isEqualTo("add owner");
        assertThat(saga.get("attempts").asInt()).isEqualTo(2);
        assertThat(saga.get("stuck").asBoolean()).isTrue();

        JsonNode state = saga.get("state");
        assertThat(state.get("workspaceId").asText()).isEqualTo(key);
        assertThat(state.get("attempts").asInt()).isEqualTo(2);
        assertThat(state.at("/client/timeout").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(state.get("tokenRef").asText()).isEqualTo("[redacted]");
        assertThat(state.at("/steps/0/headers/Authorization").asText()).isEqualTo("[redacted]");
        assertThat(state.at("/steps/0/headers/Accept").asText()).isEqualTo("text/plain");
        assertThat(state.at("/client/api_key").asText()).isEqualTo("[redacted]");
        assertThat(saga.toString()).doesNotContain("abc.def", "k-123", "vault:airtable");

        assertThat(saga.get("associations").findValuesAsText("key")).containsExactly("workspaceId", "tenantId");
        assertThat(saga.get("associations").findValuesAsText("value")).containsExactly(key, tenantId);
        assertThat(saga.get("deadlines").findValuesAsText("deadlineId")).containsExactly(sooner, later);
        assertThat(saga.get("deadlines").findValuesAsText("name")).containsExactly("step-timeout", "saga-retry");
        assertThat(Instant.parse(saga.at("/deadlines/0/dueAt").asText())).isAfter(now.plus(Duration.ofHours(23)));

        List<JsonNode> timeline = new ArrayList<>();
        saga.get("timeline").forEach(timeline::add);
        assertThat(timeline).extracting(entry -> Instant.parse(entry.get("at").asText()))
                .isSortedAccordingTo(Instant::compareTo);
        List<String> journal = timeline.stream().filter(entry -> entry.get("kind").asText().equals("JOURNAL"))
                .map(entry -> entry.get("step").asText() + " " + entry.get("transition").asText()).toList();
        assertThat(journal).containsExactly("create workspace STARTED", "add owner RETRYING");
        JsonNode retrying = timeline.stream().filter(entry -> "RETRYING".equals(entry.path("transition").asText()))
                .findFirst().orElseThrow();
        assertThat(retrying.get("detail").asText()).isEqualTo("connection reset");
        assertThat(retrying.has("globalIndex")).as("event fields are left out of journal entries").isFalse();
        // The tenant is named by an association value: its events are in the timeline, in the log's order.
        List<JsonNode> events = timeline.stream().filter(entry -> entry.get("kind").asText().equals("EVENT")).toList();
        assertThat(events).extracting(event -> event.get("type").asText())
                .containsSubsequence("TenantCreated", "WorkspaceSlotReserved", "TenantOnboardingCompleted");
        assertThat(events).extracting(event -> event.get("globalIndex").asLong()).isSorted();
        JsonNode created = events.get(0);
        assertThat(created.get("aggregateId").asText()).isEqualTo(tenantId);
        assertThat(created.get("aggregateType").asText()).isEqualTo("Tenant");
        assertThat(created.get("sequence").asLong()).isZero();
        assertThat(created.get("correlationId").asText()).isNotBlank();
        assertThat(created.get("causationId").asText()).isEqualTo(created.get("correlationId").asText());
        assertThat(created.has("step")).isFalse();
    }

    @Test
    void anEndedSagaShowsNoStateButItsTimelineStillHasItsKeysEvents() {
        String tenantId = createTenant("FREE");
        String sagaId = rows.saga(tenantId).type("TenantOnboarding").key(tenantId).status("COMPLETED")
                .endedAt(Instant.now()).insert();
        rows.sagaEntry(sagaId, "{\"tenantId\":\"" + tenantId + "\"}");

        JsonNode saga = detail(sagaId);

        assertThat(saga.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(saga.get("endedAt").isNull()).isFalse();
        assertThat(saga.get("state").isNull()).isTrue();
        assertThat(saga.get("associations")).isEmpty();
        assertThat(saga.get("deadlines")).isEmpty();
        assertThat(saga.get("stuck").asBoolean()).isFalse();
        assertThat(saga.get("timeline").findValuesAsText("type")).contains("TenantCreated");
    }

    @Test
    void anUnknownSagaIsNotFoundAndOnlyOperatorsMayLook() {
        String tenantId = UUID.randomUUID().toString();
        String sagaId = rows.saga(tenantId).insert();

        JsonNode problem = assertProblem(api.as(tokens.operator()).get("/api/v1/ops/sagas/" + UUID.randomUUID()), 404);
        assertThat(problem.get("code").asText()).isEqualTo("saga.not-found");
        assertProblem(api.as(tokens.operator()).get("/api/v1/ops/sagas/no%20such%20saga"), 404);
        assertProblem(api.get("/api/v1/ops/sagas/" + sagaId), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/api/v1/ops/sagas/" + sagaId), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).get("/api/v1/ops/sagas/" + sagaId), 403);
    }

    private JsonNode detail(String sagaId) {
        Api.Response answer = api.as(tokens.operator()).get("/api/v1/ops/sagas/" + sagaId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
