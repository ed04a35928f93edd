package io.baseplane.app.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.SeededEvents;
import io.baseplane.projection.ReadModelGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A view emptied and rebuilt in place ends with the same rows, its progress exact. */
class InPlaceReplayTest extends ReplayTestBase {

    @Test
    void everyViewRebuiltInPlaceFromTheFirstEventHasTheRowsItHadBefore() {
        for (String view : ReadModelGroups.ALL) {
            viewsCaughtUp();
            Map<String, List<String>> before = rowsOf(view);
            long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            JsonNode started = start(view, "in-place", "beginning", false);
            assertThat(started.get("status").asText()).isEqualTo("RUNNING");
            assertThat(started.get("eventsTotal").asLong()).as(view).isGreaterThanOrEqualTo(SeededEvents.EVENTS)
                    .isEqualTo(stored);
            JsonNode ready = awaitStatus(started.get("id").asText(), "READY", "FAILED");

            assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("READY");
            assertThat(ready.get("eventsDone").asLong()).isEqualTo(ready.get("eventsTotal").asLong());
            assertThat(ready.get("finishedAt").isNull()).isFalse();
            assertThat(ready.get("etaSeconds").asLong()).isZero();
            viewsCaughtUp();
            assertThat(rowsOf(view)).as(view + " rebuilt in place").isEqualTo(before);
        }
    }

    @Test
    void aReplayFromAGlobalIndexCountsOnlyTheEventsFromThere() {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long from = head - 99;
        long expected = jdbc.queryForObject("select count(*) from domain_event_entry where global_index >= ?",
                Long.class, from);
        Map<String, List<String>> before = rowsOf(ReadModelGroups.WORKSPACE_VIEW);

        JsonNode started = start(ReadModelGroups.WORKSPACE_VIEW, "in-place", from, false);
        JsonNode ready = awaitStatus(started.get("id").asText(), "READY", "FAILED");

        assertThat(ready.get("eventsTotal").asLong()).isEqualTo(expected);
        assertThat(ready.get("eventsDone").asLong()).isEqualTo(expected);
        assertThat(ready.get("from").asText()).isEqualTo(Long.toString(from));
        viewsCaughtUp();
        assertThat(rowsOf(ReadModelGroups.WORKSPACE_VIEW)).as("rows kept, later events handled again")
                .isEqualTo(before);
    }

    @Test
    void theStartIsRecordedAsAnEventNamingTheOperatorAndTheReason() {
        JsonNode started = start(ReadModelGroups.TENANT_VIEW, "in-place", "beginning", false);
        awaitStatus(started.get("id").asText(), "READY", "FAILED");

        Map<String, Object> recorded = jdbc.queryForMap("""
                select payload ->> 'processor' as processor, payload ->> 'reason' as reason,
                       payload ->> 'mode' as mode, meta_data ->> 'userId' as user_id
                from audit_event_log
                where payload_type = 'io.baseplane.kernel.ops.ReplayStarted' and payload ->> 'replayId' = ?""",
                started.get("id").asText());
        assertThat(recorded).containsEntry("processor", ReadModelGroups.TENANT_VIEW)
                .containsEntry("reason", "rebuild in a test").containsEntry("mode", "in-place")
                .containsEntry("user_id", "operator");
    }
}
