package io.baseplane.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.projection.ReadModelGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rebuilding the tenant and workspace views from the event store: after a reset of their processors and a
 * full replay, every row of {@code tenant_view}, {@code workspace_view} and {@code workspace_member_view}
 * is what it was before, column by column.
 */
class ReadModelReplayTest extends PlatformTestBase {

    private static final Duration REPLAY_LIMIT = Duration.ofSeconds(60);

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Test
    void resettingTheProcessorsRebuildsTheSameRows() {
        buildSomeHistory();
        List<StreamingEventProcessor> processors = List.of(processor(ReadModelGroups.TENANT_VIEW),
                processor(ReadModelGroups.WORKSPACE_VIEW));
        processors.forEach(this::awaitCaughtUp);
        Map<String, List<Map<String, Object>>> before = allRows();
        assertThat(before.get("workspace_view")).isNotEmpty();
        assertThat(before.get("workspace_member_view")).isNotEmpty();
        assertThat(before.get("tenant_view")).isNotEmpty();

        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        assertThat(allRows().values()).as("the reset handlers emptied the views").allMatch(List::isEmpty);
        processors.forEach(StreamingEventProcessor::start);

        long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
        while (!allRows().equals(before) && System.nanoTime() < deadline) {
            pause();
        }
        Map<String, List<Map<String, Object>>> after = allRows();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table + ", row by row").containsExactlyElementsOf(before.get(table));
        }

        // A processor reports the replay as over once it handles an event past the point of the reset.
        createTenant("FREE");
        processors.forEach(this::awaitCaughtUp);
        eventually(() -> processors.stream().noneMatch(StreamingEventProcessor::isReplaying));
    }

    /** Two tenants, workspaces with members that came, changed roles and left, a rename, an archive. */
    private void buildSomeHistory() {
        String team = createTenant("TEAM");
        String design = provisionWorkspace(team, "olivia", "Design");
        String marketing = provisionWorkspace(team, "olivia", "Marketing");
        Api admin = api.as(tokens.tenantAdmin(team, "olivia"));
        admin.post("/api/v1/workspaces/" + design + "/members", Map.of("userId", "bob", "role", "EDITOR"));
        admin.post("/api/v1/workspaces/" + design + "/members", Map.of("userId", "carol", "role", "VIEWER"));
        admin.put("/api/v1/workspaces/" + design + "/members/bob", Map.of("role", "ADMIN"));
        admin.delete("/api/v1/workspaces/" + design + "/members/carol");
        admin.post("/api/v1/workspaces/" + design + "/members", Map.of("userId", "carol", "role", "EDITOR"));
        admin.patch("/api/v1/workspaces/" + design, Map.of("name", "Design Ops", "description", "and ops"));
        admin.post("/api/v1/workspaces/" + marketing + "/archive", null);
        api.as(tokens.operator()).post("/api/v1/tenants/" + team + "/plan", Map.of("plan", "ENTERPRISE"));

        String free = createTenant("FREE");
        provisionWorkspace(free, "alice", "Research");
        api.as(tokens.operator()).post("/api/v1/tenants/" + free + "/suspend", Map.of("reason", "unpaid"));
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    /** Running, segments claimed, no errors, and at the head of the event store. */
    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = position(eventStore.createHeadToken());
        long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
        while (!caughtUp(processor, head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(processor.getName() + " did not catch up: " + processor.processingStatus());
            }
            pause();
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return processor.isRunning() && !status.isEmpty()
                && status.values().stream().allMatch(segment -> segment.isCaughtUp() && !segment.isErrorState()
                        && segment.getCurrentPosition().orElse(-1) >= head);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private Map<String, List<Map<String, Object>>> allRows() {
        return Map.of(
                "tenant_view", jdbc.queryForList("select * from tenant_view order by tenant_id"),
                "workspace_view", jdbc.queryForList("select * from workspace_view order by workspace_id"),
                "workspace_member_view", jdbc.queryForList(
                        "select * from workspace_member_view order by workspace_id, user_id"));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
