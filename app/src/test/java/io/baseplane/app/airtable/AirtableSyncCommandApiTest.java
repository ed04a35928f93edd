package io.baseplane.app.airtable;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Airtable sync command endpoints: who may call them, what bad input gets back, and that a refusal
 * writes nothing. The run itself is {@link AirtableSyncRunApiTest}'s subject.
 */
class AirtableSyncCommandApiTest extends PlatformTestBase {

    private static final String ORDERS = "tblOrders00000001";

    private String tenantId;
    private String workspaceId;
    private String baseId;
    private FakeAirtableServer.Base base;

    @BeforeEach
    void aWorkspaceAndABase() {
        tenantId = createTenant("TEAM");
        workspaceId = provisionWorkspace(tenantId, "olivia", "Imports");
        base = FakeAirtableServer.get().newBase().table(ORDERS, "Orders");
        base.record(ORDERS, "recOrder000000001", Map.of("Name", "order 1"));
        baseId = base.id;
    }

    @Test
    void aTokenNotGrantedToTheTenantCannotBeUsedAndNothingIsWritten() {
        String syncId = UUID.randomUUID().toString();

        Api.Response refused = admin().post(connectPath(), with(syncId, "tokenRef", "another-tenants-token"));

        assertRuleViolation(refused, "airtable.token-not-granted");
        assertThat(refused.body()).doesNotContain("pat");
        assertThat(events.typesOf(syncId)).isEmpty();
    }

    @Test
    void withoutATokenNothingIsAcceptedOrWritten() {
        String syncId = UUID.randomUUID().toString();

        assertProblem(api.post(connectPath(), connectBody(syncId)), 401);
        assertProblem(api.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), 401);
        assertProblem(api.delete("/api/v1/airtable-syncs/" + syncId), 401);
        assertThat(events.typesOf(syncId)).isEmpty();
    }

    @Test
    void membersMayReadButNeitherConnectNorRunNorDisconnect() {
        String syncId = connect();
        Api member = api.as(tokens.member(tenantId, "bob"));

        assertProblem(member.post(connectPath(), connectBody(UUID.randomUUID().toString())), 403);
        assertProblem(member.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), 403);
        assertProblem(member.delete("/api/v1/airtable-syncs/" + syncId), 403);
        assertThat(events.typesOf(syncId)).containsExactly("AirtableBaseConnected");
        assertThat(member.header("X-Min-Version", "0").get("/api/v1/airtable-syncs/" + syncId + "/records").status())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsAdminFindsNothingAndChangesNothing() {
        String syncId = connect();
        Api mallory = api.as(tokens.tenantAdmin(createTenant("TEAM"), "mallory"));
        String stolenId = UUID.randomUUID().toString();

        Api.Response connect = mallory.post(connectPath(), connectBody(stolenId));
        Api.Response unknown = mallory.post("/api/v1/workspaces/" + UUID.randomUUID() + "/airtable-syncs",
                connectBody(UUID.randomUUID().toString()));
        assertProblem(connect, 404);
        assertProblem(unknown, 404);
        assertThat(connect.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(connect.body()).doesNotContain(tenantId);
        assertProblem(mallory.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), 404);
        assertProblem(mallory.delete("/api/v1/airtable-syncs/" + syncId), 404);
        assertProblem(mallory.get("/api/v1/airtable-syncs/" + syncId + "/records"), 404);

        assertThat(events.typesOf(stolenId)).isEmpty();
        assertThat(events.typesOf(syncId)).containsExactly("AirtableBaseConnected");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        String syncId = UUID.randomUUID().toString();

        assertInvalidField(admin().post(connectPath(), with(syncId, "baseId", "base-1")), "baseId");
        assertInvalidField(admin().post(connectPath(), with(syncId, "tableIds", List.of())), "tableIds");
        assertInvalidField(admin().post(connectPath(), with(syncId, "tableIds", List.of(ORDERS, "orders"))), "tableIds[1]");
        assertInvalidField(admin().post(connectPath(), with(syncId, "tokenRef", "pat secret with spaces")), "tokenRef");
        assertInvalidField(admin().post(connectPath(), with("not-a-uuid", "baseId", baseId)), "syncId");
        assertInvalidField(admin().post("/api/v1/airtable-syncs/not-a-uuid/runs", Map.of()), "syncId");
        assertInvalidField(admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of("id", UUID.randomUUID().toString())), "id");
        assertProblem(admin().post(connectPath(), Map.of("baseId", baseId, "tableIds", "tblOrders00000001x", "tokenRef", "x")), 400);
        assertThat(events.typesOf(syncId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from airtable_sync_view where workspace_id = ?::uuid",
                Long.class, workspaceId)).isZero();
    }

    @Test
    void badQueriesOfTheRecordsAreRefusedWithTheField() {
        String syncId = connect();
        Api member = api.as(tokens.member(tenantId, "bob"));

        assertInvalidField(member.get("/api/v1/airtable-syncs/" + syncId + "/records?table=orders"), "table");
        assertInvalidField(member.get("/api/v1/airtable-syncs/" + syncId + "/records?size=201"), "size");
        assertInvalidField(member.get("/api/v1/airtable-syncs/" + syncId + "/records?page=-1"), "page");
        assertProblem(member.get("/api/v1/airtable-syncs/" + UUID.randomUUID() + "/records"), 404);
    }

    @Test
    void aDisconnectedBaseAcceptsNoFurtherRuns() {
        String syncId = connect();

        Api.Response disconnected = admin().header("If-Match", "\"0\"").delete("/api/v1/airtable-syncs/" + syncId);

        assertThat(disconnected.status()).as(disconnected.toString()).isEqualTo(200);
        assertThat(disconnected.json().get("id").asText()).isEqualTo(syncId);
        assertThat(disconnected.json().get("version").asLong()).isEqualTo(1);
        assertThat(disconnected.header("ETag")).isEqualTo("\"1\"");
        assertRuleViolation(admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), "airtable.disconnected");
        assertThat(events.typesOf(syncId)).containsExactly("AirtableBaseConnected", "AirtableBaseDisconnected");
    }

    @Test
    void whileARunIsUnderWayTheBaseCanNeitherRunAgainNorBeDisconnected() {
        String syncId = connect();
        CountDownLatch firstPage = base.holdPage(ORDERS, 1);
        String runId;
        try {
            Api.Response accepted = admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            runId = accepted.json().get("id").asText();
            eventually(() -> events.typesOf(syncId).contains("SyncSchemaFetched"));

            assertRuleViolation(admin().post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), "airtable.run-in-progress");
            assertRuleViolation(admin().delete("/api/v1/airtable-syncs/" + syncId), "airtable.run-in-progress");
        } finally {
            firstPage.countDown();
        }
        eventually(() -> events.typesOf(syncId).contains("SyncRunCompleted"));
        assertThat(admin().delete("/api/v1/airtable-syncs/" + syncId).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from airtable_record where run_id = ?::uuid", Long.class, runId))
                .isEqualTo(1);
    }

    @Test
    void anOperatorConnectsABaseForTheWorkspacesTenant() {
        String syncId = UUID.randomUUID().toString();

        Api.Response created = api.as(tokens.operator()).post(connectPath(), connectBody(syncId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(events.rowsOf(syncId).get(0).get("payload").toString()).contains(tenantId);
    }

    @Test
    void aRunRequestAtAnOutdatedVersionIsRefused() {
        String syncId = connect();

        assertProblem(admin().header("If-Match", "\"7\"").post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of()), 412);
        assertThat(events.typesOf(syncId)).containsExactly("AirtableBaseConnected");
    }

    @Test
    void aRepeatedRunRequestWithTheSameIdempotencyKeyRequestsOneRun() {
        String syncId = connect();
        Api sameKey = admin().header("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response accepted = sameKey.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());
        Api.Response again = sameKey.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().get("id").asText()).isEqualTo(accepted.json().get("id").asText());
        assertThat(events.typesOf(syncId).stream().filter("SyncRunRequested"::equals)).hasSize(1);
    }

    private String connect() {
        String syncId = UUID.randomUUID().toString();
        Api.Response created = admin().post(connectPath(), connectBody(syncId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo(syncId);
        return syncId;
    }

    private Map<String, Object> connectBody(String syncId) {
        return Map.of("id", syncId, "baseId", baseId, "tableIds", List.of(ORDERS), "tokenRef", FakeAirtableServer.TOKEN_REF);
    }

    private Map<String, Object> with(String syncId, String field, Object value) {
        Map<String, Object> body = new HashMap<>(connectBody(syncId));
        body.put(field, value);
        return body;
    }

    private String connectPath() {
        return "/api/v1/workspaces/" + workspaceId + "/airtable-syncs";
    }

    private Api admin() {
        return api.as(tokens.tenantAdmin(tenantId, "alice"));
    }
}
