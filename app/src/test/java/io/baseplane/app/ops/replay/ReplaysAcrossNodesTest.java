package io.baseplane.app.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.SecondNode;
import io.baseplane.app.testing.SeededEvents;
import io.baseplane.app.testing.TestDatabase;
import io.baseplane.projection.ReadModelGroups;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pauses and replays are the database's, not a node's: every node applies them, and they outlive a node. */
class ReplaysAcrossNodesTest extends ReplayTestBase {

    private static final String PROCESSORS = "/api/v1/ops/processors/";

    @Autowired
    private Environment environment;

    @Test
    void aPauseAskedOfOneNodeHoldsOnEveryNode() {
        try (SecondNode second = SecondNode.startOn(environment)) {
            waitUntil(() -> runsOn(second, ReadModelGroups.TENANT_VIEW), "the second node to run the view");

            Api.Response paused = second.api().as(tokens.operator()).post(PROCESSORS + ReadModelGroups.TENANT_VIEW
                    + "/pause", Map.of("reason", "both nodes"));

            assertThat(paused.status()).as(paused.toString()).isEqualTo(202);
            waitUntil(() -> !runsHere(ReadModelGroups.TENANT_VIEW) && !runsOn(second, ReadModelGroups.TENANT_VIEW),
                    "the view to stop on both nodes");
            assertThat(operator().get(PROCESSORS + ReadModelGroups.TENANT_VIEW).json().get("status").asText())
                    .isEqualTo("paused");

            operator().post(PROCESSORS + ReadModelGroups.TENANT_VIEW + "/resume", Map.of("reason", "done"));

            waitUntil(() -> runsHere(ReadModelGroups.TENANT_VIEW) && runsOn(second, ReadModelGroups.TENANT_VIEW),
                    "the view to run on both nodes again");
        }
    }

    @Test
    void aRebuildInterruptedByARestartResumesAndEndsWithEveryEventDone() {
        Map<String, String> ownDatabase = Map.of("spring.datasource.url", TestDatabase.another(),
                "spring.flyway.enabled", "true", "baseplane.axon.node-id", "restarted-node");
        String id;
        JsonNode interrupted;
        try (SecondNode node = SecondNode.startOn(environment, ownDatabase)) {
            SeededEvents.seed(new JdbcTemplate(node.bean(DataSource.class)),
                    node.bean("eventSerializer", Serializer.class), 2 * SeededEvents.EVENTS);
            Api operator = node.api().as(tokens.operator());
            // In place: the seeded events are replayed at once, not after the live view has followed them.
            Api.Response started = operator.post(REPLAYS, Map.of("processor", ReadModelGroups.WORKSPACE_VIEW,
                    "mode", "in-place", "reason", "interrupted on purpose"));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            id = started.json().get("id").asText();
            JsonNode[] seen = new JsonNode[1];
            waitUntil(() -> {
                seen[0] = operator.get(REPLAYS + "/" + id).json();
                return seen[0].get("eventsDone").asLong() > 0;
            }, "the rebuild to make progress");
            interrupted = seen[0];
            node.dieWithoutCleaningUp();
        }
        assertThat(interrupted.get("eventsDone").asLong()).as("interrupted half way: " + interrupted)
                .isLessThan(interrupted.get("eventsTotal").asLong());

        try (SecondNode restarted = SecondNode.startOn(environment, ownDatabase)) {
            Api operator = restarted.api().as(tokens.operator());
            JsonNode[] last = new JsonNode[1];
            waitUntil(() -> {
                last[0] = operator.get(REPLAYS + "/" + id).json();
                return Set.of("FAILED", "READY").contains(last[0].get("status").asText());
            }, "the rebuild to end after the restart");

            assertThat(last[0].get("status").asText()).as(last[0].toString()).isEqualTo("READY");
            assertThat(last[0].get("eventsDone").asLong()).isEqualTo(last[0].get("eventsTotal").asLong())
                    .isEqualTo(interrupted.get("eventsTotal").asLong());
            assertThat(last[0].get("eventsDone").asLong()).isGreaterThan(interrupted.get("eventsDone").asLong());
        }
    }

    private static boolean runsOn(SecondNode node, String processor) {
        return node.bean(EventProcessingConfiguration.class).eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isRunning).orElse(false);
    }
}
