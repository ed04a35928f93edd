package io.baseplane.app.ops;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.saga.ops.SagaRetention;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operators' saga list over HTTP: filters, both orders with cursor paging, what counts as stuck, the
 * retention of ended sagas, and refusals (a bad filter names its field; only operators may look).
 */
class OpsSagaListApiTest extends OpsTestBase {

    private static final Instant NOW = Instant.now();

    @Autowired
    private SagaRetention retention;

    @Test
    void anItemShowsTheWholeRow() {
        String sagaId = rows.saga(tenantId).type("AirtableSyncRun").key("run-7").status("PARKED").step("fetch page 3")
                .attempts(5).error("GET api.airtable.com answered 503").startedAt(NOW.minusSeconds(600))
                .lastProgressAt(NOW.minusSeconds(60)).insert();

        JsonNode items = list("tenantId=" + tenantId).get("items");

        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.get("sagaId").asText()).isEqualTo(sagaId);
        assertThat(item.get("type").asText()).isEqualTo("AirtableSyncRun");
        assertThat(item.get("key").asText()).isEqualTo("run-7");
        assertThat(item.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(item.get("status").asText()).isEqualTo("PARKED");
        assertThat(item.get("currentStep").asText()).isEqualTo("fetch page 3");
        assertThat(item.get("attempts").asInt()).isEqualTo(5);
        assertThat(item.get("lastError").asText()).isEqualTo("GET api.airtable.com answered 503");
        assertThat(Instant.parse(item.get("startedAt").asText())).isCloseTo(NOW.minusSeconds(600), within());
        assertThat(Instant.parse(item.get("lastProgressAt").asText())).isCloseTo(NOW.minusSeconds(60), within());
        assertThat(item.get("endedAt").isNull()).isTrue();
        assertThat(item.get("stuck").asBoolean()).as("parked is stuck").isTrue();
    }

    @Test
    void filtersNarrowTheListAndCombine() {
        String parkedWorkflow = rows.saga(tenantId).status("PARKED").key("order-1234").insert();
        String runningWorkflow = rows.saga(tenantId).step("Charge Card").startedAt(NOW.minusSeconds(3600)).insert();
        String sync = rows.saga(tenantId).type("AirtableSyncRun").error("Connection RESET by peer").insert();
        String completed = rows.saga(tenantId).type("TenantOnboarding").key(tenantId).status("COMPLETED")
                .startedAt(NOW.minusSeconds(7200)).endedAt(NOW.minusSeconds(7000)).insert();
        rows.saga(UUID.randomUUID().toString()).status("PARKED").insert();

        assertThat(ids("tenantId=" + tenantId)).containsExactlyInAnyOrder(parkedWorkflow, runningWorkflow, sync, completed);
        assertThat(ids("tenantId=" + tenantId + "&type=WorkflowExecution"))
                .containsExactlyInAnyOrder(parkedWorkflow, runningWorkflow);
        assertThat(ids("tenantId=" + tenantId + "&type=WorkflowExecution&status=PARKED")).containsExactly(parkedWorkflow);
        assertThat(ids("tenantId=" + tenantId + "&status=completed")).containsExactly(completed);
        assertThat(ids("tenantId=" + tenantId + "&stuck=true")).containsExactly(parkedWorkflow);
        assertThat(ids("tenantId=" + tenantId + "&stuck=false")).containsExactlyInAnyOrder(runningWorkflow, sync, completed);
        assertThat(ids("tenantId=" + tenantId + "&startedBefore=" + NOW.minusSeconds(3000)))
                .containsExactlyInAnyOrder(runningWorkflow, completed);
        assertThat(ids("tenantId=" + tenantId + "&startedAfter=" + NOW.minusSeconds(5000)
                + "&startedBefore=" + NOW.minusSeconds(3000))).containsExactly(runningWorkflow);
        // q: part of the key, the saga id, the step or the error, in any case.
        assertThat(ids("tenantId=" + tenantId + "&q=ORDER-12")).containsExactly(parkedWorkflow);
        assertThat(ids("tenantId=" + tenantId + "&q=charge%20card")).containsExactly(runningWorkflow);
        assertThat(ids("tenantId=" + tenantId + "&q=reset")).containsExactly(sync);
        assertThat(ids("tenantId=" + tenantId + "&q=" + completed.substring(4, 20).toUpperCase())).containsExactly(completed);
        assertThat(ids("tenantId=" + tenantId + "&q=%25")).as("% is matched as itself").isEmpty();
    }

    @Test
    void stalestFirstAndNewestFirstPageByCursorWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Started in order; progress in the reverse order, the last two at the same time (the id decides).
            created.add(rows.saga(tenantId).startedAt(NOW.minusSeconds(1000 - i * 10L))
                    .lastProgressAt(NOW.minusSeconds(100 + (6 - Math.min(i, 5)) * 10L)).insert());
        }

        List<JsonNode> stalest = allPages("tenantId=" + tenantId + "&limit=3", 3);
        List<JsonNode> newest = allPages("tenantId=" + tenantId + "&sort=newest&limit=2", 4);

        assertThat(idsOf(stalest)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(stalest).extracting(item -> Instant.parse(item.get("lastProgressAt").asText()))
                .isSortedAccordingTo(Instant::compareTo);
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(idsOf(newest)).containsExactlyElementsOf(newestFirst);
        assertThat(list("tenantId=" + tenantId).get("nextCursor").isNull()).as("one page of 50 holds them").isTrue();
        // The default order is stalest.
        assertThat(idsOf(items(list("tenantId=" + tenantId + "&sort=stalest"))))
                .isEqualTo(idsOf(items(list("tenantId=" + tenantId))));
    }

    @Test
    void aRunningSagaIsStuckOnlyWhenItHasWaitedTooLongWithNoDeadlineToWaitFor() {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        String quiet = rows.saga(tenantId).lastProgressAt(longAgo).insert();
        String waitingForADeadline = rows.saga(tenantId).lastProgressAt(longAgo).insert();
        rows.deadline(waitingForADeadline, "workflow-delay-elapsed", NOW.plus(Duration.ofDays(1)));
        String recent = rows.saga(tenantId).insert();
        String compensating = rows.saga(tenantId).status("COMPENSATING").lastProgressAt(longAgo).insert();
        String retrying = rows.saga(tenantId).status("RETRYING").insert();
        String failedLongAgo = rows.saga(tenantId).status("COMPENSATION_FAILED").lastProgressAt(longAgo)
                .endedAt(longAgo).insert();

        assertThat(ids("tenantId=" + tenantId + "&stuck=true")).containsExactlyInAnyOrder(quiet, compensating, retrying);
        assertThat(ids("tenantId=" + tenantId + "&stuck=false"))
                .containsExactlyInAnyOrder(waitingForADeadline, recent, failedLongAgo);
    }

    @Test
    void endedSagasAreListedForTheRetentionPeriodThenForgottenWhileTheirJournalStays() {
        String recent = rows.saga(tenantId).status("COMPLETED").endedAt(NOW.minus(Duration.ofDays(29))).insert();
        String old = rows.saga(tenantId).status("COMPENSATED").startedAt(NOW.minus(Duration.ofDays(40)))
                .lastProgressAt(NOW.minus(Duration.ofDays(31))).endedAt(NOW.minus(Duration.ofDays(31))).insert();
        rows.journal(old, "WorkflowExecution", "k", tenantId, "call", "COMPENSATED", null, NOW.minus(Duration.ofDays(31)));

        assertThat(ids("tenantId=" + tenantId)).containsExactly(recent);

        retention.purge();

        assertThat(jdbc.queryForList("select saga_id from saga_instance where tenant_id = ?::uuid", String.class, tenantId))
                .containsExactly(recent);
        assertThat(jdbc.queryForObject("select count(*) from saga_journal where saga_id = ?", Long.class, old)).isOne();
    }

    @Test
    void eachBadFilterIsRefusedNamingItsField() {
        Api operator = api.as(tokens.operator());
        assertInvalidField(operator.get("/api/v1/ops/sagas?type=Workflow"), "type");
        assertInvalidField(operator.get("/api/v1/ops/sagas?status=STALLED"), "status");
        assertInvalidField(operator.get("/api/v1/ops/sagas?tenantId=acme"), "tenantId");
        assertInvalidField(operator.get("/api/v1/ops/sagas?stuck=maybe"), "stuck");
        assertInvalidField(operator.get("/api/v1/ops/sagas?startedAfter=yesterday"), "startedAfter");
        assertInvalidField(operator.get("/api/v1/ops/sagas?startedBefore=2026-13-01T00:00:00Z"), "startedBefore");
        assertInvalidField(operator.get("/api/v1/ops/sagas?q=" + "x".repeat(201)), "q");
        assertInvalidField(operator.get("/api/v1/ops/sagas?q=a%07b"), "q");
        assertInvalidField(operator.get("/api/v1/ops/sagas?sort=oldest"), "sort");
        assertInvalidField(operator.get("/api/v1/ops/sagas?cursor=not-a-cursor"), "cursor");
        assertInvalidField(operator.get("/api/v1/ops/sagas?limit=0"), "limit");
        assertInvalidField(operator.get("/api/v1/ops/sagas?limit=201"), "limit");
        assertInvalidField(operator.get("/api/v1/ops/sagas?limit=many"), "limit");
        // A cursor of one order is not good for the other.
        rows.saga(tenantId).insert();
        rows.saga(tenantId).insert();
        String cursor = list("tenantId=" + tenantId + "&limit=1").get("nextCursor").asText();
        assertInvalidField(operator.get("/api/v1/ops/sagas?sort=newest&limit=1&tenantId=" + tenantId + "&cursor=" + cursor),
                "cursor");
    }

    @Test
    void onlyOperatorsMayList() {
        assertProblem(api.get("/api/v1/ops/sagas"), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "olivia")).get("/api/v1/ops/sagas?tenantId=" + tenantId), 403);
        assertProblem(api.as(tokens.member(tenantId, "mia")).get("/api/v1/ops/sagas"), 403);
        assertProblem(api.as(tokens.token("audrey", tenantId, "AUDITOR")).get("/api/v1/ops/sagas"), 403);
        assertProblem(api.as(tokens.token("nobody", tenantId)).get("/api/v1/ops/sagas"), 403);
    }

    private JsonNode list(String query) {
        Api.Response answer = api.as(tokens.operator()).get("/api/v1/ops/sagas?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private List<String> ids(String query) {
        return idsOf(items(list(query)));
    }

    /** Every page, following nextCursor; asserts how many pages there were. */
    private List<JsonNode> allPages(String query, int expectedPages) {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            seen.addAll(items(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isEqualTo(expectedPages);
        return seen;
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static List<String> idsOf(List<JsonNode> items) {
        return items.stream().map(item -> item.get("sagaId").asText()).toList();
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.MILLIS);
    }
}
