package io.baseplane.app.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeededEvents;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.ViewTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The replay tests' fixture: a store of at least ten thousand events, the operator's API, waiting for a replay's
 * status, and a view's rows as they stand, to compare before and after. Each test leaves no replay unfinished.
 */
abstract class ReplayTestBase extends PlatformTestBase {

    static final String REPLAYS = "/api/v1/ops/replays";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    protected EventProcessingConfiguration processing;

    @BeforeEach
    void aStoreOfTenThousandEvents() {
        SeededEvents.atLeast(jdbc, eventSerializer);
        viewsCaughtUp();
    }

    @AfterEach
    void noReplayLeftUnfinished() {
        for (Map<String, Object> replay : jdbc.queryForList(
                "select replay_id::text as id, step from processor_replay where finished_at is null")) {
            operator().delete(REPLAYS + "/" + replay.get("id") + "?reason=test+cleanup");
        }
        waitUntil(() -> jdbc.queryForObject("select count(*) from processor_replay where finished_at is null",
                Long.class) == 0, "replays to finish");
        jdbc.update("delete from processor_control");
        waitUntil(() -> ReadModelGroups.ALL.stream().allMatch(this::runsHere), "views to run again");
    }

    protected Api operator() {
        return api.as(tokens.operator());
    }

    protected JsonNode start(String processor, String mode, Object from, boolean autoSwitch) {
        Map<String, Object> body = new HashMap<>();
        body.put("processor", processor);
        body.put("mode", mode);
        body.put("from", from);
        body.put("reason", "rebuild in a test");
        if (autoSwitch) {
            body.put("autoSwitch", true);
        }
        Api.Response accepted = operator().post(REPLAYS, body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo(REPLAYS + "/" + accepted.json().get("id").asText());
        return accepted.json();
    }

    protected JsonNode replay(String id) {
        Api.Response response = operator().get(REPLAYS + "/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the replay is in one of these statuses and returns it. */
    protected JsonNode awaitStatus(String id, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        try {
            waitUntil(() -> {
                last[0] = replay(id);
                return Set.of(statuses).contains(last[0].get("status").asText());
            }, "replay " + id + " to be " + String.join("/", statuses));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last[0], e);
        }
        return last[0];
    }

    /** Every row of the view's tables, as JSON, in key order: two snapshots are equal when the view is. */
    protected Map<String, List<String>> rowsOf(String processor) {
        Map<String, List<String>> rows = new HashMap<>();
        for (ViewTable table : ReadModelGroups.TABLES.get(processor)) {
            rows.put(table.name(), jdbc.queryForList(
                    "select to_jsonb(t)::text from " + table.name() + " t order by to_jsonb(t)::text", String.class));
        }
        return rows;
    }

    /** Waits until no new event arrives and every view processor here has handled every event. */
    protected void viewsCaughtUp() {
        waitUntil(() -> {
            long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry",
                    Long.class);
            List<Long> positions = new ArrayList<>();
            for (String view : ReadModelGroups.ALL) {
                processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(processor ->
                        processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                                .forEach(position -> positions.add(position.orElse(-1))));
            }
            return !positions.isEmpty() && positions.stream().allMatch(position -> position >= head);
        }, "the views to catch up");
    }

    protected boolean runsHere(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isRunning).orElse(false);
    }

    protected static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s in vain for " + what);
    }
}
