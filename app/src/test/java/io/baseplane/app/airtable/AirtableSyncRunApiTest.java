package io.baseplane.app.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AirtableSyncRun saga end to end: a base connected and run over HTTP, the saga on its real processor,
 * saga store and PostgreSQL, Airtable played by {@link FakeAirtableServer} (two records a page).
 */
class AirtableSyncRunApiTest extends PlatformTestBase {

    private static final String ORDERS = "tblOrders00000001";
    private static final String PEOPLE = "tblPeople00000001";
    private static final String EMPTY = "tblEmpty000000001";

    private String tenantId;
    private String workspaceId;
    private FakeAirtableServer.Base base;

    @BeforeEach
    void aWorkspaceAndABase() {
        tenantId = createTenant("TEAM");
        workspaceId = provisionWorkspace(tenantId, "olivia", "Imports");
        // Orders: 5 records, 3 pages; People: 1 record; Empty: none, still one (empty) page.
        base = FakeAirtableServer.get().newBase()
                .table(ORDERS, "Orders").table(PEOPLE, "People").table(EMPTY, "Empty");
        for (int i = 1; i <= 5; i++) {
            base.record(ORDERS, recordId(i), Map.of("Name", "order " + i, "Total", i * 10));
        }
        base.record(PEOPLE, "recPerson00000001", Map.of("Name", "Ada", "Tags", List.of("vip", "early")));
    }

    @Test
    void aConnectedBaseRunsToCompletionAndItsRecordsBecomeVisible() {
        Api.Response connected = admin().post("/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(
                "baseId", base.id, "tableIds", List.of(ORDERS, PEOPLE, EMPTY), "tokenRef", FakeAirtableServer.TOKEN_REF));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String syncId = connected.json().get("id").asText();
        assertThat(connected.json().get("version").asLong()).isZero();
        assertThat(connected.header("ETag")).isEqualTo("\"0\"");
        assertThat(connected.header("Location")).isEqualTo("/api/v1/airtable-syncs/" + syncId);

        Api.Response accepted = admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String runId = accepted.json().get("id").asText();
        assertThat(accepted.json().get("version").asLong()).isEqualTo(1);
        assertThat(accepted.header("ETag")).isEqualTo("\"1\"");
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/airtable-syncs/" + syncId + "/runs/" + runId);

        JsonNode run = runUntil(syncId, runId, "COMPLETED");
        assertThat(run.get("recordsImported").asLong()).isEqualTo(6);
        assertThat(run.get("pagesImported").asLong()).isEqualTo(5);
        assertThat(run.get("tables").findValuesAsText("name")).containsExactly("Orders", "People", "Empty");

        JsonNode records = member().get(recordsPath(syncId)).json();
        assertThat(records.get("totalItems").asLong()).isEqualTo(6);
        assertThat(records.get("items").findValuesAsText("recordId")).containsExactly(
                recordId(1), recordId(2), recordId(3), recordId(4), recordId(5), "recPerson00000001");
        assertThat(records.get("items").findValuesAsText("runId")).containsOnly(runId);
        assertThat(records.at("/items/0/fields/Name").asText()).isEqualTo("order 1");
        assertThat(records.at("/items/0/fields/Total").asInt()).isEqualTo(10);
        assertThat(records.at("/items/0/createdTime").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(records.at("/items/5/fields/Tags/1").asText()).isEqualTo("early");

        JsonNode people = member().get(recordsPath(syncId) + "?table=" + PEOPLE).json();
        assertThat(people.get("items").findValuesAsText("recordId")).containsExactly("recPerson00000001");
        JsonNode secondPage = member().get(recordsPath(syncId) + "?page=1&size=2").json();
        assertThat(secondPage.get("items").findValuesAsText("recordId")).containsExactly(recordId(3), recordId(4));
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(6);

        assertThat(stagedRows(runId)).isZero();
        assertThat(journalOf(runId)).containsExactly(
                "fetch schema STARTED", "fetch schema SUCCEEDED",
                "import " + ORDERS + " page 1 STARTED", "import " + ORDERS + " page 1 SUCCEEDED",
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 SUCCEEDED",
                "import " + ORDERS + " page 3 STARTED", "import " + ORDERS + " page 3 SUCCEEDED",
                "import " + PEOPLE + " page 1 STARTED", "import " + PEOPLE + " page 1 SUCCEEDED",
                "import " + EMPTY + " page 1 STARTED", "import " + EMPTY + " page 1 SUCCEEDED",
                "complete run STARTED", "complete run SUCCEEDED", "publish records STARTED", "publish records SUCCEEDED",
                "end ENDED");
        eventually(() -> sagaAssociations(runId) == 0);
    }

    @Test
    void airtableFailingMidwayFailsTheRunAndNoneOfItsStagedRecordsEverBecomesVisible() throws Exception {
        String syncId = connect();
        String firstRun = requestRun(syncId);
        runUntil(syncId, firstRun, "COMPLETED");
        List<String> before = recordsOf(syncId);

        // Upstream changes, then Airtable refuses the second page of Orders (a 5xx would be retried).
        base.record(ORDERS, recordId(1), Map.of("Name", "order 1, renamed"));
        base.failPage(ORDERS, 2, 403);
        CountDownLatch secondPage = base.holdPage(ORDERS, 2);
        String failingRun = requestRun(syncId);

        // While the saga waits for page 2, page 1 is staged, committed, and not visible.
        eventually(() -> stagedRows(failingRun) == 2);
        assertThat(recordsOf(syncId)).isEqualTo(before);
        secondPage.countDown();

        JsonNode run = runUntil(syncId, failingRun, "COMPENSATED");
        assertThat(run.get("failureReason").asText())
                .startsWith("import " + ORDERS + " page 2 failed: FORBIDDEN")
                .contains("403")
                .doesNotContain(FakeAirtableServer.TOKEN_REF).doesNotContain(FakeAirtableServer.TOKEN);
        assertThat(run.get("discardedRecords").asLong()).isEqualTo(2);
        assertThat(recordsOf(syncId)).isEqualTo(before);
        assertThat(member().get(recordsPath(syncId)).json().get("items").findValuesAsText("runId")).containsOnly(firstRun);
        assertThat(stagedRows(failingRun)).isZero();
        assertThat(journalOf(failingRun)).endsWith(
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 FAILED",
                "discard staged records COMPENSATING", "discard staged records COMPENSATED", "end ENDED");
        eventually(() -> sagaAssociations(failingRun) == 0);
    }

    @Test
    void aRerunReplacesTheRecordsOfThePreviousRunAsAWhole() {
        String syncId = connect();
        String firstRun = requestRun(syncId);
        runUntil(syncId, firstRun, "COMPLETED");

        base.delete(ORDERS, recordId(2));
        base.record(ORDERS, recordId(3), Map.of("Name", "order 3, corrected", "Total", 33));
        base.record(ORDERS, recordId(9), Map.of("Name", "order 9"));
        String secondRun = requestRun(syncId);
        runUntil(syncId, secondRun, "COMPLETED");

        JsonNode records = member().get(recordsPath(syncId)).json();
        assertThat(records.get("items").findValuesAsText("recordId")).containsExactly(
                recordId(1), recordId(3), recordId(4), recordId(5), recordId(9), "recPerson00000001");
        assertThat(records.get("items").findValuesAsText("runId")).containsOnly(secondRun);
        assertThat(records.at("/items/1/fields/Name").asText()).isEqualTo("order 3, corrected");
        assertThat(jdbc.queryForObject("select count(*) from airtable_record where sync_id = ?::uuid", Long.class, syncId))
                .isEqualTo(6);
    }

    @Test
    void aTokenReferenceWithoutATokenFailsTheRunWithoutNamingIt() {
        Api.Response connected = admin().post("/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(
                "baseId", base.id, "tableIds", List.of(ORDERS), "tokenRef", "vault:nobody-configured-this"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String syncId = connected.json().get("id").asText();

        JsonNode run = runUntil(syncId, requestRun(syncId), "COMPENSATED");

        assertThat(run.get("failureReason").asText())
                .isEqualTo("fetch schema failed: no Airtable access token is configured under the sync's token reference");
        assertThat(member().get(recordsPath(syncId)).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void aSyncedTableThatIsNoLongerInTheBaseFailsTheRunNamingIt() {
        String gone = "tblGone0000000001";

        JsonNode run = failedRunOfSyncOf(List.of(ORDERS, gone));

        assertThat(run.get("failureReason").asText())
                .isEqualTo("fetch schema failed: base " + base.id + " has no table(s) " + gone);
    }

    @Test
    void aBaseWithNoneOfTheSyncedTablesFailsTheRunNamingThemAll() {
        String gone = "tblGone0000000001";
        String goneToo = "tblGone0000000002";

        JsonNode run = failedRunOfSyncOf(List.of(gone, goneToo));

        assertThat(run.get("failureReason").asText())
                .isEqualTo("fetch schema failed: base " + base.id + " has no table(s) " + gone + ", " + goneToo);
    }

    @Test
    void aRunIsReadableAtItsLocationRightAfterThe202WithTheVersionItAnswered() {
        String syncId = connect();
        Api.Response accepted = admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        Api.Response run = member().header("X-Min-Version", accepted.json().get("version").asText())
                .get(accepted.header("Location"));

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("runId").asText()).isEqualTo(accepted.json().get("id").asText());
        assertThat(run.json().get("version").asLong()).isGreaterThanOrEqualTo(accepted.json().get("version").asLong());
    }

    /** Connects a sync of these tables, runs it, and answers the run once it is COMPENSATED, nothing imported. */
    private JsonNode failedRunOfSyncOf(List<String> tableIds) {
        Api.Response connected = admin().post("/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(
                "baseId", base.id, "tableIds", tableIds, "tokenRef", FakeAirtableServer.TOKEN_REF));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String syncId = connected.json().get("id").asText();
        String runId = requestRun(syncId);

        JsonNode run = runUntil(syncId, runId, "COMPENSATED");

        assertThat(run.get("discardedRecords").asLong()).isZero();
        assertThat(journalOf(runId)).containsExactly("fetch schema STARTED", "fetch schema FAILED",
                "discard staged records COMPENSATING", "discard staged records COMPENSATED", "end ENDED");
        return run;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private String connect() {
        Api.Response connected = admin().post("/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(
                "baseId", base.id, "tableIds", List.of(ORDERS, PEOPLE, EMPTY), "tokenRef", FakeAirtableServer.TOKEN_REF));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        return connected.json().get("id").asText();
    }

    private String requestRun(String syncId) {
        Api.Response accepted = admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("id").asText();
    }

    /** Polls the run until it reaches this status (or fails the test after 15 s). */
    private JsonNode runUntil(String syncId, String runId, String status) {
        JsonNode[] run = new JsonNode[1];
        eventually(() -> {
            Api.Response response = member().get("/api/v1/airtable-syncs/" + syncId + "/runs/" + runId);
            run[0] = response.status() == 200 ? response.json() : null;
            return run[0] != null && status.equals(run[0].get("status").asText());
        });
        return run[0];
    }

    /** Every visible record of the sync as its JSON text, in the API's order. */
    private List<String> recordsOf(String syncId) {
        List<String> records = new ArrayList<>();
        member().get(recordsPath(syncId) + "?size=200").json().get("items").forEach(item -> records.add(item.toString()));
        return records;
    }

    private long stagedRows(String runId) {
        return jdbc.queryForObject("select count(*) from airtable_record_staging where run_id = ?::uuid", Long.class, runId);
    }

    private long sagaAssociations(String runId) {
        return jdbc.queryForObject("select count(*) from association_value_entry where association_value = ?",
                Long.class, runId);
    }

    private List<String> journalOf(String runId) {
        return jdbc.queryForList("select step || ' ' || transition from saga_journal "
                + "where saga_type = 'AirtableSyncRun' and saga_key = ? order by id", String.class, runId);
    }

    private static String recordsPath(String syncId) {
        return "/api/v1/airtable-syncs/" + syncId + "/records";
    }

    private static String recordId(int n) {
        return String.format("recOrder%09d", n);
    }

    private Api admin() {
        return api.as(tokens.tenantAdmin(tenantId, "alice"));
    }

    private Api member() {
        return api.as(tokens.member(tenantId, "bob"));
    }
}
