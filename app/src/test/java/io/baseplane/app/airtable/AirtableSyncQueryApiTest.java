package io.baseplane.app.airtable;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Airtable query API end to end on PostgreSQL: commands through Axon, the projector on its pooled
 * processor, then the views over HTTP with read-your-writes, ETags, paging and tenant isolation. Runs are
 * driven by hand here, so the run saga is held (AirtableSyncRunApiTest covers the saga).
 */
@ExtendWith(HoldSyncRunSaga.class)
class AirtableSyncQueryApiTest extends PlatformTestBase {

    private static final String BASE = "appQQQQQQQQQQQQQQ";
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";
    private static final String PEOPLE = "tblPPPPPPPPPPPPPP";
    private static final String TOKEN_REF = "vault:airtable/sales-token";

    @Autowired
    private CommandGateway commandGateway;

    private String tenantId;
    private WorkspaceId workspaceId;
    private AirtableSyncId syncId;

    @BeforeEach
    void connectABase() {
        tenantId = createTenant("TEAM");
        workspaceId = WorkspaceId.of(provisionWorkspace(tenantId, "olivia", "Imports"));
        syncId = AirtableSyncId.random();
        send(new ConnectAirtableBaseCommand(syncId, workspaceId, TenantId.of(tenantId), BASE,
                List.of(ORDERS, PEOPLE), TOKEN_REF));
    }

    // ---- the sync -----------------------------------------------------------------------------------

    @Test
    void aConnectedBaseReadsBackAtItsVersionWithTheVersionAsETagAndNoTokenReference() {
        Api.Response response = atVersion(syncPath(), 0);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode sync = response.json();
        assertThat(sync.get("id").asText()).isEqualTo(syncId.toString());
        assertThat(sync.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(sync.get("baseId").asText()).isEqualTo(BASE);
        assertThat(sync.get("tableIds")).extracting(JsonNode::asText).containsExactly(ORDERS, PEOPLE);
        assertThat(sync.get("connected").asBoolean()).isTrue();
        assertThat(sync.get("lastRun").isNull()).isTrue();
        assertThat(Instant.parse(sync.get("createdAt").asText())).isEqualTo(Instant.parse(sync.get("updatedAt").asText()));
        assertThat(sync.get("version").asLong()).isZero();
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(response.body()).doesNotContain(TOKEN_REF).doesNotContainIgnoringCase("token");
    }

    @Test
    void aRunShowsItsProgressThroughSchemaPagesAndCompletionAndTheSyncSummarisesIt() {
        SyncRunId runId = SyncRunId.random();
        send(new RequestSyncRunCommand(syncId, runId));

        JsonNode requested = runAtVersion(runId);
        assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.get("syncId").asText()).isEqualTo(syncId.toString());
        assertThat(requested.get("tablesTotal").asInt()).isEqualTo(2);
        assertThat(requested.get("tables").findValuesAsText("tableId")).containsExactly(ORDERS, PEOPLE);
        assertThat(requested.get("finishedAt").isNull()).isTrue();

        send(new RecordSchemaFetchedCommand(syncId, runId, schema()));
        JsonNode schema = runAtVersion(runId);
        assertThat(schema.get("status").asText()).isEqualTo("SCHEMA_FETCHED");
        assertThat(schema.get("tables").findValuesAsText("name")).containsExactly("Orders", "People");
        assertThat(schema.get("tables").findValuesAsText("fieldCount")).containsExactly("2", "1");

        send(new RecordPageImportedCommand(syncId, runId, ORDERS, 1, 100));
        send(new RecordPageImportedCommand(syncId, runId, ORDERS, 2, 31));
        send(new RecordPageImportedCommand(syncId, runId, PEOPLE, 1, 12));
        JsonNode importing = runAtVersion(runId);
        assertThat(importing.get("status").asText()).isEqualTo("IMPORTING");
        assertThat(importing.get("pagesImported").asLong()).isEqualTo(3);
        assertThat(importing.get("recordsImported").asLong()).isEqualTo(143);
        assertThat(importing.at("/tables/0/pagesImported").asInt()).isEqualTo(2);
        assertThat(importing.at("/tables/0/recordsImported").asLong()).isEqualTo(131);
        assertThat(importing.at("/tables/1/pagesImported").asInt()).isEqualTo(1);
        assertThat(importing.at("/tables/1/recordsImported").asLong()).isEqualTo(12);

        send(new CompleteSyncRunCommand(syncId, runId));
        Api.Response completedResponse = atVersion(syncPath() + "/runs/" + runId, version());
        assertThat(completedResponse.status()).as(completedResponse.toString()).isEqualTo(200);
        JsonNode completed = completedResponse.json();
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("recordsImported").asLong()).isEqualTo(143);
        assertThat(completed.get("failureReason").isNull()).isTrue();
        assertThat(Instant.parse(completed.get("finishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(completed.get("requestedAt").asText()));
        assertThat(completed.get("version").asLong()).isEqualTo(version());
        assertThat(completedResponse.header("ETag")).isEqualTo("\"" + version() + "\"");

        JsonNode sync = member().get(syncPath()).json();
        assertThat(sync.get("version").asLong()).isEqualTo(version());
        assertThat(sync.at("/lastRun/runId").asText()).isEqualTo(runId.toString());
        assertThat(sync.at("/lastRun/status").asText()).isEqualTo("COMPLETED");
        assertThat(sync.at("/lastRun/recordsImported").asLong()).isEqualTo(143);
        assertThat(sync.at("/lastRun/finishedAt").asText()).isEqualTo(completed.get("finishedAt").asText());
    }

    @Test
    void aFailedRunShowsItsReasonAndThenItsCompensation() {
        SyncRunId runId = SyncRunId.random();
        send(new RequestSyncRunCommand(syncId, runId));
        send(new RecordSchemaFetchedCommand(syncId, runId, schema()));
        send(new RecordPageImportedCommand(syncId, runId, ORDERS, 1, 100));
        send(new FailSyncRunCommand(syncId, runId, "Airtable answered 503 five times"));

        JsonNode failed = runAtVersion(runId);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).isEqualTo("Airtable answered 503 five times");
        assertThat(failed.get("failedAt").isNull()).isFalse();
        assertThat(failed.get("finishedAt").isNull()).isTrue();
        assertThat(failed.get("recordsImported").asLong()).isEqualTo(100);

        send(new MarkSyncRunCompensatedCommand(syncId, runId));
        JsonNode compensated = runAtVersion(runId);
        assertThat(compensated.get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(compensated.get("discardedRecords").asLong()).isEqualTo(100);
        assertThat(compensated.get("failureReason").asText()).isEqualTo("Airtable answered 503 five times");
        assertThat(compensated.get("finishedAt").isNull()).isFalse();
        assertThat(member().get(syncPath()).json().at("/lastRun/status").asText()).isEqualTo("COMPENSATED");
    }

    // ---- the runs list ------------------------------------------------------------------------------

    @Test
    void runsArePagedNewestFirstInAStableOrder() {
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SyncRunId runId = SyncRunId.random();
            requested.add(runId.toString());
            send(new RequestSyncRunCommand(syncId, runId));
            send(new FailSyncRunCommand(syncId, runId, "attempt " + i + " failed"));
            send(new MarkSyncRunCompensatedCommand(syncId, runId));
        }

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Api.Response response = atVersion(syncPath() + "/runs?page=" + page + "&size=2", version());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(2);
            assertThat(body.get("totalItems").asLong()).isEqualTo(5);
            assertThat(body.get("items").size()).isEqualTo(page < 2 ? 2 : 1);
            body.get("items").forEach(item -> listed.add(item.get("runId").asText()));
        }

        Collections.reverse(requested);
        assertThat(listed).containsExactlyElementsOf(requested);
        JsonNode beyond = member().get(syncPath() + "/runs?page=3&size=2").json();
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(5);
        JsonNode again = member().get(syncPath() + "/runs?page=0&size=5").json();
        assertThat(again.get("items").findValuesAsText("runId")).containsExactlyElementsOf(listed);
        assertThat(again.get("items").findValuesAsText("status")).containsOnly("COMPENSATED");
    }

    @Test
    void aSyncWithoutRunsListsNone() {
        Api.Response response = atVersion(syncPath() + "/runs", 0);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("items")).isEmpty();
        assertThat(response.json().get("totalItems").asLong()).isZero();
        assertThat(response.json().get("size").asInt()).isEqualTo(50);
    }

    // ---- tenant isolation ---------------------------------------------------------------------------

    @Test
    void anotherTenantFindsNeitherTheSyncNorItsRunsAndLearnsNothing() {
        SyncRunId runId = SyncRunId.random();
        send(new RequestSyncRunCommand(syncId, runId));
        assertThat(atVersion(syncPath(), version()).status()).isEqualTo(200);
        Api other = api.as(tokens.tenantAdmin(createTenant("TEAM"), "mallory"));

        for (String path : List.of(syncPath(), syncPath() + "/runs", syncPath() + "/runs/" + runId)) {
            Api.Response refused = other.get(path);
            assertProblem(refused, 404);
            assertThat(refused.body()).doesNotContain(BASE).doesNotContain(ORDERS).doesNotContain(tenantId);
            assertThat(refused.header("ETag")).isNull();
        }
        Api.Response unknown = other.get("/api/v1/airtable-syncs/" + UUID.randomUUID());
        assertThat(other.get(syncPath()).json().get("type")).isEqualTo(unknown.json().get("type"));

        Api operator = api.as(tokens.operator());
        assertThat(operator.get(syncPath()).status()).isEqualTo(200);
        assertThat(operator.get(syncPath() + "/runs").json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(operator.get(syncPath() + "/runs/" + runId).status()).isEqualTo(200);
    }

    @Test
    void anUnknownSyncAndARunOfAnotherSyncAreNotFound() {
        AirtableSyncId otherSync = AirtableSyncId.random();
        send(new ConnectAirtableBaseCommand(otherSync, workspaceId, TenantId.of(tenantId), BASE, List.of(ORDERS), TOKEN_REF));
        SyncRunId otherRun = SyncRunId.random();
        send(new RequestSyncRunCommand(otherSync, otherRun));
        assertThat(atVersion("/api/v1/airtable-syncs/" + otherSync + "/runs/" + otherRun, 1).status()).isEqualTo(200);

        assertProblem(member().get(syncPath() + "/runs/" + otherRun), 404);
        assertProblem(member().get("/api/v1/airtable-syncs/" + UUID.randomUUID()), 404);
        assertProblem(member().get("/api/v1/airtable-syncs/" + UUID.randomUUID() + "/runs"), 404);
        assertProblem(member().get(syncPath() + "/runs/" + UUID.randomUUID()), 404);
    }

    // ---- bad input and read-your-writes -------------------------------------------------------------

    @Test
    void malformedIdsPagesAndVersionsAreRefusedWithTheField() {
        assertInvalidField(member().get("/api/v1/airtable-syncs/not-a-uuid"), "syncId");
        assertInvalidField(member().get("/api/v1/airtable-syncs/not-a-uuid/runs"), "syncId");
        assertInvalidField(member().get(syncPath() + "/runs/42"), "runId");
        assertInvalidField(member().get(syncPath() + "/runs?page=-1"), "page");
        assertInvalidField(member().get(syncPath() + "/runs?page=first"), "page");
        assertInvalidField(member().get(syncPath() + "/runs?size=0"), "size");
        assertInvalidField(member().get(syncPath() + "/runs?size=201"), "size");
        assertInvalidField(member().get(syncPath() + "/runs?size=many"), "size");
        assertInvalidField(member().header("X-Min-Version", "latest").get(syncPath()), "X-Min-Version");
        assertThat(atVersion(syncPath() + "/runs?size=200", 0).status()).isEqualTo(200);
    }

    @Test
    void aVersionTheViewDoesNotReachInTimeIs503WithRetryAfter() {
        Api.Response response = member().header("X-Min-Version", "7").get(syncPath() + "/runs/" + SyncRunId.random());

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotBlank();
    }

    @Test
    void withoutATokenNothingIsRead() {
        assertProblem(api.get(syncPath()), 401);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("tenantId", tenantId, "userId", "alice")));
    }

    private static List<TableSchema> schema() {
        return List.of(
                new TableSchema(ORDERS, "Orders", List.of(
                        new FieldSchema("fldAAAAAAAAAAAAAA", "Number", "autoNumber"),
                        new FieldSchema("fldBBBBBBBBBBBBBB", "Total", "currency"))),
                new TableSchema(PEOPLE, "People", List.of(
                        new FieldSchema("fldCCCCCCCCCCCCCC", "Name", "singleLineText"))));
    }

    /** The sync's current version: its events are numbered from 0. */
    private long version() {
        return events.typesOf(syncId).size() - 1;
    }

    private Api member() {
        return api.as(tokens.member(tenantId, "bob"));
    }

    private String syncPath() {
        return "/api/v1/airtable-syncs/" + syncId;
    }

    /**
     * A GET with {@code X-Min-Version}, asked again while the answer is 503: the test profile waits only
     * half a second, and on a busy machine the processor may take longer.
     */
    private Api.Response atVersion(String path, long version) {
        Api.Response[] last = new Api.Response[1];
        eventually(() -> (last[0] = member().header("X-Min-Version", Long.toString(version)).get(path)).status() != 503);
        return last[0];
    }

    /** The run once the view reflects the sync's current version. */
    private JsonNode runAtVersion(SyncRunId runId) {
        Api.Response response = atVersion(syncPath() + "/runs/" + runId, version());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.json().get("version").asLong() + "\"");
        return response.json();
    }
}
