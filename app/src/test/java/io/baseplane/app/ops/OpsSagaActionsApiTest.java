package io.baseplane.app.ops;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operators' actions on one saga: each recorded in the journal (who, why) and as an event in the log, in one
 * transaction; refused on an ended or unknown saga, on a status it does not fit, and on a bad reason, with
 * nothing written then. The saga's own reaction is its business (the sagas' tests).
 */
class OpsSagaActionsApiTest extends OpsTestBase {

    private static final Map<String, String> REASON = Map.of("reason", "upstream fixed, ticket OPS-17");

    @Test
    void aRetryIsJournaledWithTheOperatorAndPublishedAsAnEventOfTheRequestsChain() {
        String key = UUID.randomUUID().toString();
        String sagaId = rows.saga(tenantId).type("AirtableSyncRun").key(key).status("PARKED").step("fetch page 2")
                .attempts(5).insert();

        Api.Response accepted = operator().post(path(sagaId, "retry"), REASON);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("sagaId").asText()).isEqualTo(sagaId);
        assertThat(accepted.json().get("status").asText()).as("the saga has not acted yet").isEqualTo("PARKED");
        assertThat(written.operatorEntries(sagaId)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("saga_type", "AirtableSyncRun").containsEntry("saga_key", key)
                    .containsEntry("tenant_id", tenantId).containsEntry("step", "fetch page 2")
                    .containsEntry("transition", "OPERATOR_RETRY").containsEntry("detail", "upstream fixed, ticket OPS-17")
                    .containsEntry("actor", "operator");
        });
        assertThat(written.requestsAbout(sagaId)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("SagaRetryRequested");
            assertThat(event.payload().get("sagaType").asText()).isEqualTo("AirtableSyncRun");
            assertThat(event.payload().get("reason").asText()).isEqualTo("upstream fixed, ticket OPS-17");
            assertThat(event.metaData().get("userId").asText()).isEqualTo("operator");
            assertThat(event.metaData().get("tenantId").asText()).as("the saga's tenant").isEqualTo(tenantId);
            assertThat(event.metaData().get("correlationId").asText()).isEqualTo(accepted.header("X-Correlation-Id"));
            assertThat(event.metaData().get("causationId").asText()).isEqualTo(accepted.header("X-Correlation-Id"));
            assertThat(event.metaData().has("roles")).as("roles travel on commands only").isFalse();
        });
    }

    @Test
    void aRetryingSagaMayBeRetriedAndAbortedAndARunningOneAborted() {
        String retrying = rows.saga(tenantId).status("RETRYING").insert();
        String running = rows.saga(tenantId).status("RUNNING").step(null).insert();

        assertThat(operator().post(path(retrying, "retry"), REASON).status()).isEqualTo(202);
        assertThat(operator().post(path(retrying, "abort"), REASON).status()).isEqualTo(202);
        Api.Response aborted = operator().post(path(running, "abort"), Map.of("reason", "customer asked\nto cancel"));

        assertThat(aborted.status()).as(aborted.toString()).isEqualTo(202);
        assertThat(written.requestsAbout(retrying)).extracting(SagaEvents.Event::type)
                .containsExactly("SagaRetryRequested", "SagaAbortRequested");
        assertThat(written.operatorEntries(retrying)).extracting(entry -> entry.get("transition"))
                .containsExactly("OPERATOR_RETRY", "OPERATOR_ABORT");
        assertThat(written.operatorEntries(running)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("step", "-").containsEntry("detail", "customer asked\nto cancel"));
        assertThat(written.requestsAbout(running)).singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo("SagaAbortRequested"));
    }

    @Test
    void anActionThatDoesNotFitTheSagasStatusIsRefusedAndWritesNothing() {
        String running = rows.saga(tenantId).insert();
        String compensating = rows.saga(tenantId).status("COMPENSATING").insert();
        String compensationFailed = rows.saga(tenantId).status("COMPENSATION_FAILED").insert();

        assertRuleViolation(operator().post(path(running, "retry"), REASON), "saga.not-retryable");
        assertRuleViolation(operator().post(path(compensating, "retry"), REASON), "saga.not-retryable");
        assertRuleViolation(operator().post(path(compensating, "abort"), REASON), "saga.not-abortable");
        assertRuleViolation(operator().post(path(compensationFailed, "abort"), REASON), "saga.not-abortable");

        for (String sagaId : new String[] {running, compensating, compensationFailed}) {
            assertThat(written.operatorEntries(sagaId)).isEmpty();
            assertThat(written.requestsAbout(sagaId)).isEmpty();
        }
    }

    @Test
    void anEndedSagaIsConflictAndAnUnknownOneNotFoundForEveryAction() {
        String ended = rows.saga(tenantId).status("COMPENSATED").endedAt(Instant.now()).insert();
        String deadline = rows.deadline(ended, "step-timeout", Instant.now().plus(Duration.ofDays(1)));
        String unknown = UUID.randomUUID().toString();

        assertRuleViolation(operator().post(path(ended, "retry"), REASON), "saga.ended");
        assertRuleViolation(operator().post(path(ended, "abort"), REASON), "saga.ended");
        assertRuleViolation(operator().post(path(ended, "deadlines/" + deadline + "/fire"), REASON), "saga.ended");
        assertThat(assertProblem(operator().post(path(unknown, "retry"), REASON), 404).get("code").asText())
                .isEqualTo("saga.not-found");
        assertProblem(operator().post(path(unknown, "abort"), REASON), 404);
        assertProblem(operator().post(path(unknown, "deadlines/" + deadline + "/fire"), REASON), 404);

        assertThat(written.operatorEntries(ended)).isEmpty();
        assertThat(written.requestsAbout(ended)).isEmpty();
        assertThat(written.requestsAbout(unknown)).isEmpty();
    }

    @Test
    void onlyAPendingDeadlineOfTheSagaItselfCanBeFired() {
        String sagaId = rows.saga(tenantId).insert();
        String other = rows.saga(tenantId).insert();
        String othersDeadline = rows.deadline(other, "step-timeout", Instant.now().plus(Duration.ofDays(1)));
        String picked = rows.deadline(sagaId, "workflow-delay-elapsed", Instant.now().plus(Duration.ofDays(1)));
        jdbc.update("update scheduled_tasks set picked = true where task_instance = ?", picked);

        assertDeadlineNotFound(operator().post(path(sagaId, "deadlines/" + othersDeadline + "/fire"), REASON));
        assertDeadlineNotFound(operator().post(path(sagaId, "deadlines/" + UUID.randomUUID() + "/fire"), REASON));
        assertDeadlineNotFound(operator().post(path(sagaId, "deadlines/" + picked + "/fire"), REASON));

        assertThat(written.operatorEntries(sagaId)).isEmpty();
        assertThat(written.requestsAbout(sagaId)).isEmpty();
        assertThat(jdbc.queryForObject("select execution_time > now() + interval '1 hour' from scheduled_tasks "
                + "where task_instance = ?", Boolean.class, othersDeadline)).as("left as it was").isTrue();
    }

    @Test
    void theReasonIsRequiredCleanTextOfAtMost500Characters() {
        String sagaId = rows.saga(tenantId).status("PARKED").insert();

        assertInvalidField(operator().post(path(sagaId, "retry"), null), "reason");
        assertInvalidField(operator().post(path(sagaId, "retry"), Map.of()), "reason");
        assertInvalidField(operator().post(path(sagaId, "retry"), Map.of("reason", "   ")), "reason");
        assertInvalidField(operator().post(path(sagaId, "abort"), Map.of("reason", "x".repeat(501))), "reason");
        assertInvalidField(operator().post(path(sagaId, "abort"), Map.of("reason", "bell\u0007")), "reason");
        assertInvalidField(operator().postRaw(path(sagaId, "abort"), "application/json",
                "{\"reason\":\"ok\",\"force\":true}".getBytes(StandardCharsets.UTF_8)), "force");
        assertInvalidField(operator().post(path(sagaId, "deadlines/d-1/fire"), Map.of("reason", "")), "reason");

        assertThat(operator().post(path(sagaId, "abort"), Map.of("reason", "x".repeat(500))).status()).isEqualTo(202);
        assertThat(written.operatorEntries(sagaId)).hasSize(1);
    }

    @Test
    void onlyOperatorsMayAct() {
        String sagaId = rows.saga(tenantId).status("PARKED").insert();
        String deadline = rows.deadline(sagaId, "step-timeout", Instant.now().plus(Duration.ofDays(1)));

        for (String action : new String[] {"retry", "abort", "deadlines/" + deadline + "/fire"}) {
            assertProblem(api.post(path(sagaId, action), REASON), 401);
            assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).post(path(sagaId, action), REASON), 403);
            assertProblem(api.as(tokens.member(tenantId, "mia")).post(path(sagaId, action), REASON), 403);
        }
        assertThat(written.operatorEntries(sagaId)).isEmpty();
        assertThat(written.requestsAbout(sagaId)).isEmpty();
    }

    private Api operator() {
        return api.as(tokens.operator());
    }

    private static String path(String sagaId, String action) {
        return "/api/v1/ops/sagas/" + sagaId + "/" + action;
    }

    private static void assertDeadlineNotFound(Api.Response response) {
        assertThat(assertProblem(response, 404).get("code").asText()).isEqualTo("deadline.not-found");
    }
}
