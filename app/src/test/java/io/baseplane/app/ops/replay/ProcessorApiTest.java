package io.baseplane.app.ops.replay;

import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.app.testing.Api;
import io.baseplane.command.CommandSideLookups;
import io.baseplane.projection.ReadModelGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** The processors of every node as operators see them, and pausing one everywhere. */
class ProcessorApiTest extends ReplayTestBase {

    private static final String PROCESSORS = "/api/v1/ops/processors";

    @Test
    void everyProcessorIsListedWithItsKindModeSegmentsAndLag() {
        JsonNode listed = operator().get(PROCESSORS).json().get("processors");

        List<String> names = new ArrayList<>();
        listed.forEach(processor -> names.add(processor.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(PlatformProcessors.ALL.keySet());
        JsonNode view = find(listed, ReadModelGroups.WORKSPACE_VIEW);
        assertThat(view.get("kind").asText()).isEqualTo("view");
        assertThat(view.get("mode").asText()).isEqualTo("pooled");
        assertThat(view.get("status").asText()).isEqualTo("running");
        assertThat(view.get("segments")).hasSize(4);
        view.get("segments").forEach(segment -> {
            assertThat(segment.get("node").asText()).as(segment.toString()).isNotBlank();
            assertThat(segment.get("position").asLong()).isLessThanOrEqualTo(view.get("head").asLong());
        });
        assertThat(view.get("lag").asLong()).isEqualTo(eventsAfter(view.get("position").asLong()));
        assertThat(view.get("deadLetters").asLong()).isZero();
        assertThat(find(listed, PlatformProcessors.SAGAS.get(0)).get("kind").asText()).isEqualTo("saga");
        assertThat(find(listed, CommandSideLookups.PROCESSING_GROUP).get("mode").asText()).isEqualTo("subscribing");
        assertThat(operator().get(PROCESSORS + "/" + ReadModelGroups.TENANT_VIEW).json().get("name").asText())
                .isEqualTo(ReadModelGroups.TENANT_VIEW);
    }

    @Test
    void theModeShownIsTheModeEachProcessorRunsIn() {
        JsonNode listed = operator().get(PROCESSORS).json().get("processors");
        processing.eventProcessors().forEach((name, processor) -> assertThat(find(listed, name).get("mode").asText())
                .as(name).isEqualTo(modeOf(processor)));
    }

    @Test
    void aPausedViewStopsFollowingEventsUntilItIsResumed() {
        String tenantId = createTenant("FREE");
        Api.Response paused = operator().post(PROCESSORS + "/" + ReadModelGroups.WORKSPACE_VIEW + "/pause",
                Map.of("reason", "investigating"));

        assertThat(paused.status()).as(paused.toString()).isEqualTo(202);
        assertThat(paused.json().get("status").asText()).isEqualTo("paused");
        assertThat(paused.json().get("pause").get("by").asText()).isEqualTo("operator");
        assertThat(paused.json().get("pause").get("reason").asText()).isEqualTo("investigating");
        waitUntil(() -> !runsHere(ReadModelGroups.WORKSPACE_VIEW), "the view to stop here");
        waitUntil(() -> operator().get(PROCESSORS + "/" + ReadModelGroups.WORKSPACE_VIEW).json().get("segments")
                .findValues("node").isEmpty(), "every claim to be released");
        String workspace = provisionWorkspace(tenantId, "owner", "Made while paused");
        sleep(1500);
        assertThat(jdbc.queryForObject("select count(*) from workspace_view where workspace_id = ?::uuid", Long.class,
                workspace)).as("not projected while paused").isZero();
        assertThat(operator().get(PROCESSORS + "/" + ReadModelGroups.WORKSPACE_VIEW).json().get("lag").asLong())
                .isPositive();
        Api.Response readiness = operator().get("/actuator/health/readiness");
        assertThat(readiness.status()).as("a paused view is stopped on purpose: " + readiness).isEqualTo(200);
        assertThat(readiness.json().get("components").get("eventProcessors").get("details")
                .get(ReadModelGroups.WORKSPACE_VIEW).asText()).startsWith("held");

        Api.Response resumed = operator().post(PROCESSORS + "/" + ReadModelGroups.WORKSPACE_VIEW + "/resume",
                Map.of("reason", "found it"));

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(202);
        waitUntil(() -> jdbc.queryForObject("select count(*) from workspace_view where workspace_id = ?::uuid",
                Long.class, workspace) == 1, "the view to catch up");
        assertThat(jdbc.queryForList("""
                select payload_type || ':' || (payload ->> 'reason') from audit_event_log
                where payload_type like 'io.baseplane.kernel.ops.Processor%' and payload ->> 'processor' = ?
                order by global_index desc limit 2""", String.class, ReadModelGroups.WORKSPACE_VIEW))
                .containsExactly("io.baseplane.kernel.ops.ProcessorResumed:found it",
                        "io.baseplane.kernel.ops.ProcessorPaused:investigating");
    }

    @Test
    void anErrorAnotherNodeReportsIsShownWithItsNodeAndSinceWhen() {
        String since = "2026-12-01T10:15:30Z";
        jdbc.update("""
                insert into platform_node (node_id, roles, processors, processor_errors, started_at, last_seen)
                values ('failing-node', 'processing', ?, ?, now(), now())""", ReadModelGroups.AIRTABLE_SYNC_VIEW,
                "{\"" + ReadModelGroups.AIRTABLE_SYNC_VIEW
                        + "\":{\"message\":\"IllegalStateException: boom\",\"since\":\"" + since + "\"}}");
        try {
            JsonNode processor = operator().get(PROCESSORS + "/" + ReadModelGroups.AIRTABLE_SYNC_VIEW).json();

            assertThat(processor.get("status").asText()).isEqualTo("error");
            assertThat(processor.get("error").get("node").asText()).isEqualTo("failing-node");
            assertThat(processor.get("error").get("message").asText()).isEqualTo("IllegalStateException: boom");
            assertThat(processor.get("error").get("since").asText()).isEqualTo(since);
        } finally {
            jdbc.update("delete from platform_node where node_id = 'failing-node'");
        }
    }

    @Test
    void theLookupsCannotBePausedAndUnknownProcessorsAreNotFound() {
        assertRuleViolation(operator().post(PROCESSORS + "/" + CommandSideLookups.PROCESSING_GROUP + "/pause",
                Map.of("reason", "no")), "processor.not-pausable");
        assertProblem(operator().get(PROCESSORS + "/nothing-by-that-name"), 404);
        assertProblem(operator().post(PROCESSORS + "/nothing-by-that-name/pause", Map.of("reason", "no")), 404);
        assertProblem(operator().post(PROCESSORS + "/" + ReadModelGroups.TENANT_VIEW + "/pause", Map.of()), 400);
        assertThat(jdbc.queryForObject("select count(*) from processor_control", Long.class)).isZero();
    }

    private long eventsAfter(long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?", Long.class,
                position);
    }

    private static String modeOf(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor instanceof SubscribingEventProcessor ? "subscribing" : processor.getClass().getSimpleName();
    }

    private static JsonNode find(JsonNode listed, String name) {
        for (JsonNode processor : listed) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + listed);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
