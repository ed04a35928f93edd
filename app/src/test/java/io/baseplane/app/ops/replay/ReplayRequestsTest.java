package io.baseplane.app.ops.replay;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.app.testing.Api;
import io.baseplane.command.CommandSideLookups;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.saga.workflow.trigger.WorkflowTriggerHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the replay API refuses, and who may use it. */
class ReplayRequestsTest extends ReplayTestBase {

    @Test
    void processorsWithSideEffectsAreNeverReplayed() {
        for (String processor : new String[] {PlatformProcessors.SAGAS.get(0), WorkflowTriggerHandler.PROCESSING_GROUP,
                CommandSideLookups.PROCESSING_GROUP}) {
            JsonNode problem = assertRuleViolation(operator().post(REPLAYS, request(processor)), "replay.side-effects");
            assertThat(problem.get("detail").asText()).contains("Only views are replayed");
        }
        assertThat(jdbc.queryForObject("select count(*) from processor_replay", Long.class))
                .as("nothing recorded for a refusal").isEqualTo(recordedBefore());
    }

    @Test
    void aSecondReplayOfTheSameProcessorIsRefusedWhileTheFirstRuns() {
        JsonNode first = start(ReadModelGroups.WORKFLOW_VIEW, "blue-green", "beginning", false);

        JsonNode problem = assertRuleViolation(operator().post(REPLAYS, request(ReadModelGroups.WORKFLOW_VIEW)),
                "replay.already-running");

        assertThat(problem.get("detail").asText()).contains(first.get("id").asText());
        assertRuleViolation(operator().post("/api/v1/ops/processors/" + ReadModelGroups.WORKFLOW_VIEW + "/pause",
                Map.of("reason", "in the middle of it")), "processor.replaying");
    }

    @Test
    void badRequestsNameEachWrongField() {
        Map<String, Object> body = new HashMap<>();
        body.put("processor", "no-such-view");
        body.put("reason", "x");
        assertInvalidField(operator().post(REPLAYS, body), "processor");
        body.put("processor", ReadModelGroups.TENANT_VIEW);
        body.put("mode", "sideways");
        assertInvalidField(operator().post(REPLAYS, body), "mode");
        body.put("mode", "in-place");
        body.put("from", "yesterday");
        assertInvalidField(operator().post(REPLAYS, body), "from");
        body.put("from", -5);
        assertInvalidField(operator().post(REPLAYS, body), "from");
        body.put("from", 10);
        body.put("mode", "blue-green");
        assertInvalidField(operator().post(REPLAYS, body), "from");
        body.put("from", "beginning");
        body.put("mode", "in-place");
        body.put("autoSwitch", true);
        assertInvalidField(operator().post(REPLAYS, body), "autoSwitch");
        body.remove("autoSwitch");
        body.remove("reason");
        assertInvalidField(operator().post(REPLAYS, body), "reason");
        assertProblem(operator().get(REPLAYS + "/not-an-id"), 400);
        assertProblem(operator().get(REPLAYS + "/" + UUID.randomUUID()), 404);
        assertThat(jdbc.queryForObject("select count(*) from processor_replay", Long.class))
                .isEqualTo(recordedBefore());
    }

    @Test
    void aPausedViewIsResumedBeforeItIsReplayed() {
        Api.Response paused = operator().post("/api/v1/ops/processors/" + ReadModelGroups.TENANT_VIEW + "/pause",
                Map.of("reason", "maintenance"));
        assertThat(paused.status()).as(paused.toString()).isEqualTo(202);

        assertRuleViolation(operator().post(REPLAYS, request(ReadModelGroups.TENANT_VIEW)), "processor.paused");
    }

    @Test
    void anInPlaceReplayHasNoDiffAndDoesNotSwitch() {
        JsonNode started = start(ReadModelGroups.TENANT_VIEW, "in-place", "beginning", false);
        String id = started.get("id").asText();

        assertRuleViolation(operator().get(REPLAYS + "/" + id + "/diff"), "replay.no-diff");
        assertRuleViolation(operator().post(REPLAYS + "/" + id + "/switch", Map.of("reason", "why not")),
                "replay.not-blue-green");
        awaitStatus(id, "READY");
        assertRuleViolation(operator().delete(REPLAYS + "/" + id + "?reason=late"), "replay.not-cancellable");
    }

    @Test
    void onlyPlatformOperatorsUseTheReplayApi() {
        String tenantId = UUID.randomUUID().toString();
        assertProblem(api.get(REPLAYS), 401);
        assertProblem(api.post(REPLAYS, request(ReadModelGroups.TENANT_VIEW)), 401);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "admin")).get(REPLAYS), 403);
        assertProblem(api.as(tokens.tenantAdmin(tenantId, "admin")).post(REPLAYS, request(ReadModelGroups.TENANT_VIEW)),
                403);
        assertProblem(api.as(tokens.member(tenantId, "member")).get("/api/v1/ops/processors"), 403);
        assertThat(operator().get(REPLAYS).status()).isEqualTo(200);
    }

    private long replaysBefore;

    @BeforeEach
    void countReplays() {
        replaysBefore = jdbc.queryForObject("select count(*) from processor_replay", Long.class);
    }

    private long recordedBefore() {
        return replaysBefore;
    }

    private static Map<String, Object> request(String processor) {
        return Map.of("processor", processor, "mode", "in-place", "reason", "rebuild");
    }
}
