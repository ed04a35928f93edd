package io.baseplane.app.ops;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Batch actions over a filter: a dry run counts the sagas the action would touch; a real one is a job whose
 * progress any caller with the operator role can follow, and which acts on each saga as the single action does.
 */
class OpsBatchApiTest extends OpsTestBase {

    @Test
    void aDryRunCountsTheSagasTheActionWouldTouch() {
        String parked = rows.saga(tenantId).status("PARKED").insert();
        rows.saga(tenantId).status("PARKED").type("AirtableSyncRun").insert();
        rows.saga(tenantId).status("RETRYING").insert();
        rows.saga(tenantId).status("RUNNING").insert();
        rows.saga(tenantId).status("COMPENSATING").insert();
        rows.saga(tenantId).status("COMPLETED").endedAt(Instant.now()).insert();

        assertThat(dryRun(Map.of("tenantId", tenantId), "RETRY")).isEqualTo(3);
        assertThat(dryRun(Map.of("tenantId", tenantId), "ABORT")).isEqualTo(4);
        assertThat(dryRun(Map.of("tenantId", tenantId, "status", "PARKED"), "ABORT")).isEqualTo(2);
        assertThat(dryRun(Map.of("tenantId", tenantId, "type", "AirtableSyncRun", "stuck", true), "RETRY")).isEqualTo(1);
        assertThat(dryRun(Map.of("tenantId", tenantId, "status", "COMPLETED"), "ABORT")).isZero();
        assertThat(written.operatorEntries(parked)).as("a dry run writes nothing").isEmpty();
        assertThat(written.requestsAbout(parked)).isEmpty();
    }

    @Test
    void aJobAppliesTheActionToEachMatchingSagaAndReportsItsProgress() {
        String parked = rows.saga(tenantId).status("PARKED").insert();
        String retrying = rows.saga(tenantId).status("RETRYING").insert();
        String running = rows.saga(tenantId).status("RUNNING").insert();

        Api.Response accepted = operator().post("/api/v1/ops/sagas/batch", Map.of(
                "filter", Map.of("tenantId", tenantId), "action", "RETRY", "reason", "Airtable is back", "dryRun", false));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().get("jobId").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/ops/jobs/" + jobId);
        assertThat(accepted.json().get("total").asInt()).isEqualTo(2);
        JsonNode[] job = new JsonNode[1];
        eventually(() -> {
            job[0] = operator().get("/api/v1/ops/jobs/" + jobId).json();
            return job[0].get("status").asText().equals("SUCCEEDED");
        });
        assertThat(job[0].get("action").asText()).isEqualTo("RETRY");
        assertThat(job[0].get("total").asInt()).isEqualTo(2);
        assertThat(job[0].get("done").asInt()).isEqualTo(2);
        assertThat(job[0].get("failed").asInt()).isZero();
        assertThat(job[0].get("reason").asText()).isEqualTo("Airtable is back");
        assertThat(job[0].get("actor").asText()).isEqualTo("operator");
        assertThat(job[0].get("filter")).isEqualTo(accepted.json().get("filter"));
        assertThat(job[0].at("/filter/tenantId").asText()).isEqualTo(tenantId);
        assertThat(Instant.parse(job[0].get("finishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(job[0].get("createdAt").asText()));

        for (String sagaId : List.of(parked, retrying)) {
            assertThat(written.operatorEntries(sagaId)).singleElement().satisfies(entry -> assertThat(entry)
                    .containsEntry("transition", "OPERATOR_RETRY").containsEntry("detail", "Airtable is back")
                    .containsEntry("actor", "operator"));
            assertThat(written.requestsAbout(sagaId)).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("SagaRetryRequested");
                assertThat(event.metaData().get("userId").asText()).isEqualTo("operator");
                assertThat(event.metaData().get("correlationId").asText())
                        .as("the batch request's chain").isEqualTo(accepted.header("X-Correlation-Id"));
            });
        }
        assertThat(written.operatorEntries(running)).isEmpty();
        assertThat(written.requestsAbout(running)).isEmpty();
    }

    @Test
    void aJobWithNothingToDoSucceedsAtOnce() {
        Api.Response accepted = operator().post("/api/v1/ops/sagas/batch", Map.of(
                "filter", Map.of("tenantId", tenantId), "action", "ABORT", "reason", "clean up"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().get("jobId").asText();
        eventually(() -> operator().get("/api/v1/ops/jobs/" + jobId).json().get("status").asText().equals("SUCCEEDED"));
        assertThat(operator().get("/api/v1/ops/jobs/" + jobId).json().get("total").asInt()).isZero();
    }

    @Test
    void badBatchesAreRefusedNamingTheField() {
        assertInvalidField(batch(Map.of("filter", Map.of("status", "STALLED"), "action", "RETRY", "reason", "r")),
                "filter.status");
        assertInvalidField(batch(Map.of("filter", Map.of("tenantId", "acme"), "action", "RETRY", "dryRun", true)),
                "filter.tenantId");
        assertInvalidField(batch(Map.of("filter", Map.of("sort", "newest"), "action", "RETRY", "dryRun", true)),
                "filter.sort");
        assertInvalidField(batch(Map.of("filter", Map.of(), "reason", "r")), "action");
        assertInvalidField(batch(Map.of("filter", Map.of(), "action", "RESTART", "reason", "r")), "action");
        assertInvalidField(batch(Map.of("filter", Map.of("tenantId", tenantId), "action", "RETRY", "reason", " ")),
                "reason");
        Map<String, Object> noReason = new LinkedHashMap<>();
        noReason.put("filter", Map.of("tenantId", tenantId));
        noReason.put("action", "ABORT");
        assertInvalidField(batch(noReason), "reason");
        assertProblem(operator().postRaw("/api/v1/ops/sagas/batch", "application/json",
                "{\"action\":".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void anUnknownJobIsNotFoundAndAMalformedIdBadInput() {
        assertThat(assertProblem(operator().get("/api/v1/ops/jobs/" + UUID.randomUUID()), 404).get("code").asText())
                .isEqualTo("job.not-found");
        assertInvalidField(operator().get("/api/v1/ops/jobs/job-1"), "jobId");
    }

    @Test
    void onlyOperatorsMayRunOrFollowBatches() {
        Map<String, Object> body = Map.of("filter", Map.of("tenantId", tenantId), "action", "RETRY", "dryRun", true);
        String jobId = UUID.randomUUID().toString();

        assertProblem(api.post("/api/v1/ops/sagas/batch", body), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).post("/api/v1/ops/sagas/batch", body), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).post("/api/v1/ops/sagas/batch", body), 403);
        assertProblem(api.get("/api/v1/ops/jobs/" + jobId), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/api/v1/ops/jobs/" + jobId), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).get("/api/v1/ops/jobs/" + jobId), 403);
    }

    private long dryRun(Map<String, Object> filter, String action) {
        Api.Response counted = batch(Map.of("filter", filter, "action", action, "dryRun", true));
        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        return counted.json().get("count").asLong();
    }

    private Api.Response batch(Map<String, Object> body) {
        return operator().post("/api/v1/ops/sagas/batch", body);
    }

    private Api operator() {
        return api.as(tokens.operator());
    }
}
