package io.baseplane.app.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.SeededEvents;
import io.baseplane.projection.ReadModelGroups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A view rebuilt into shadow tables while the live one serves, compared with it at the same event, and switched in.
 */
class BlueGreenReplayTest extends ReplayTestBase {

    @Test
    void everyViewRebuiltBesideTheLiveOneComparesEqualAndSwitchesByItself() {
        for (String view : ReadModelGroups.ALL) {
            viewsCaughtUp();
            Map<String, List<String>> before = rowsOf(view);

            JsonNode started = start(view, "blue-green", "beginning", true);
            JsonNode switched = awaitStatus(started.get("id").asText(), "SWITCHED", "FAILED");

            assertThat(switched.get("status").asText()).as(switched.toString()).isEqualTo("SWITCHED");
            assertThat(switched.get("diff").get("empty").asBoolean()).as(switched.toString()).isTrue();
            assertThat(switched.get("eventsDone").asLong()).isEqualTo(switched.get("eventsTotal").asLong())
                    .isGreaterThanOrEqualTo(SeededEvents.EVENTS);
            assertThat(switched.get("eventsPerSecond").asDouble()).isPositive();
            viewsCaughtUp();
            assertThat(rowsOf(view)).as(view + " after the switch").isEqualTo(before);
            assertThat(shadowTokens()).isZero();
            String previous = switched.get("previousTables").asText();
            assertThat(schemaExists(previous)).isTrue();

            Api.Response dropped = operator().delete(REPLAYS + "/" + started.get("id").asText()
                    + "/previous?reason=checked");
            assertThat(dropped.status()).as(dropped.toString()).isEqualTo(200);
            assertThat(schemaExists(previous)).isFalse();
            assertThat(dropped.json().has("previousTables")).isFalse();
        }
    }

    @Test
    void aViewChangedOnPurposeShowsItsRowsInTheDiffAndTheSwitchSetsThemRight() {
        String tenantId = createTenant("FREE");
        String renamed = provisionWorkspace(tenantId, "owner", "Kept name");
        String lostMember = provisionWorkspace(tenantId, "owner", "Loses a member");
        viewsCaughtUp();
        String stray = UUID.randomUUID().toString();
        jdbc.update("update workspace_view set name = 'changed on purpose' where workspace_id = ?::uuid", renamed);
        jdbc.update("delete from workspace_member_view where workspace_id = ?::uuid", lostMember);
        jdbc.update("""
                insert into workspace_view (workspace_id, tenant_id, name, description, status, member_count,
                                            created_at, last_active_at, version)
                values (?::uuid, ?::uuid, 'no events made me', '', 'ACTIVE', 0, now(), now(), 0)""", stray, tenantId);

        JsonNode started = start(ReadModelGroups.WORKSPACE_VIEW, "blue-green", "beginning", true);
        String id = started.get("id").asText();
        JsonNode ready = awaitStatus(id, "READY", "FAILED", "SWITCHED");
        assertThat(ready.get("step").asText()).isEqualTo("AWAITING_SWITCH");

        assertThat(ready.get("status").asText()).as("a diff that is not empty waits for an operator")
                .isEqualTo("READY");
        assertThat(ready.get("diff").get("empty").asBoolean()).isFalse();
        assertThat(ready.get("diff").get("rows").asLong()).isEqualTo(3);
        JsonNode diff = operator().get(REPLAYS + "/" + id + "/diff").json();
        JsonNode workspaces = table(diff, "workspace_view");
        assertThat(workspaces.get("different").asLong()).isEqualTo(1);
        assertThat(workspaces.get("onlyInLive").asLong()).isEqualTo(1);
        assertThat(workspaces.get("onlyInShadow").asLong()).isZero();
        JsonNode changed = sample(workspaces, "different");
        assertThat(changed.get("aggregateId").asText()).isEqualTo(renamed);
        assertThat(changed.get("key").get("workspace_id").asText()).isEqualTo(renamed);
        assertThat(changed.get("live").get("name").asText()).isEqualTo("changed on purpose");
        assertThat(changed.get("shadow").get("name").asText()).isEqualTo("Kept name");
        assertThat(sample(workspaces, "only-in-live").get("aggregateId").asText()).isEqualTo(stray);
        JsonNode members = table(diff, "workspace_member_view");
        assertThat(members.get("onlyInShadow").asLong()).isEqualTo(1);
        assertThat(sample(members, "only-in-shadow").get("aggregateId").asText()).isEqualTo(lostMember);
        assertThat(sample(members, "only-in-shadow").has("live")).isFalse();

        Api.Response switching = operator().post(REPLAYS + "/" + id + "/switch",
                Map.of("reason", "the rebuilt view is right"));
        assertThat(switching.status()).as(switching.toString()).isEqualTo(202);
        awaitStatus(id, "SWITCHED", "FAILED");

        viewsCaughtUp();
        assertThat(jdbc.queryForObject("select name from workspace_view where workspace_id = ?::uuid", String.class,
                renamed)).isEqualTo("Kept name");
        assertThat(jdbc.queryForObject("select count(*) from workspace_view where workspace_id = ?::uuid", Long.class,
                stray)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from workspace_member_view where workspace_id = ?::uuid",
                Long.class, lostMember)).isEqualTo(1);
        Api.Response read = api.as(tokens.tenantAdmin(tenantId, "owner")).get("/api/v1/workspaces/" + renamed);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Kept name");
    }

    @Test
    void readsDuringARebuildAnswerFromTheLiveView() {
        String tenantId = createTenant("FREE");
        String workspace = provisionWorkspace(tenantId, "owner", "Served throughout");
        viewsCaughtUp();

        JsonNode started = start(ReadModelGroups.WORKSPACE_VIEW, "blue-green", "beginning", false);
        String id = started.get("id").asText();
        int readsWhileBuilding = 0;
        while (!Set.of("READY", "FAILED").contains(replay(id).get("status").asText())) {
            Api.Response read = api.as(tokens.tenantAdmin(tenantId, "owner")).get("/api/v1/workspaces/" + workspace);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("name").asText()).isEqualTo("Served throughout");
            assertThat(read.json().get("memberCount").asInt()).isEqualTo(1);
            readsWhileBuilding++;
        }
        assertThat(readsWhileBuilding).isPositive();
        assertThat(replay(id).get("status").asText()).isEqualTo("READY");
    }

    @Test
    void aCancelledRebuildLeavesNoShadowBehind() {
        JsonNode started = start(ReadModelGroups.AIRTABLE_SYNC_VIEW, "blue-green", "beginning", false);
        String id = started.get("id").asText();

        Api.Response cancelled = operator().delete(REPLAYS + "/" + id + "?reason=changed+my+mind");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        waitUntil(() -> !replay(id).path("finishedAt").isMissingNode() && !replay(id).get("finishedAt").isNull(),
                "the cancelled replay to finish");
        assertThat(schemaExists("view_build_" + id.replace("-", "").substring(0, 12))).isFalse();
        assertThat(shadowTokens()).isZero();
    }

    private long shadowTokens() {
        return jdbc.queryForObject("select count(*) from token_entry where processor_name like '%@%'", Long.class);
    }

    private boolean schemaExists(String schema) {
        return jdbc.queryForObject("select count(*) from pg_namespace where nspname = ?", Long.class, schema) == 1;
    }

    private static JsonNode table(JsonNode diff, String name) {
        for (JsonNode table : diff.get("tables")) {
            if (table.get("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + diff);
    }

    private static JsonNode sample(JsonNode table, String kind) {
        for (JsonNode sample : table.get("samples")) {
            if (sample.get("kind").asText().equals(kind)) {
                return sample;
            }
        }
        throw new AssertionError("no " + kind + " sample in " + table);
    }
}
