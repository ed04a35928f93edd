package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.airtable.FakeAirtableServer;
import io.baseplane.app.testing.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No tenant waits for another (issue 10, section 0): while tenant A has three runs waiting on a target that
 * answers after 20 s and a sync of a base that holds its first page, tenant B's one-step run completes within
 * 2 s and its sync of a quick base in its usual time. Outside calls run off the processors' threads, on a pool
 * where one tenant cannot take every thread.
 */
class SagaIsolationTest extends WorkspaceWorkflowTestBase {

    private static final String TABLE = "tblIsolation00001";
    private static final Duration QUICK = Duration.ofSeconds(2);

    private final LocalEndpoint endpoint = new LocalEndpoint();
    private CountDownLatch slowBase;

    @AfterEach
    void releaseTheSlowOnes() {
        if (slowBase != null) {
            slowBase.countDown();
        }
        endpoint.close();
    }

    @Test
    void aTenantsQuickRunAndQuickSyncAreNotHeldUpByAnotherTenantsSlowCalls() {
        endpoint.slowFor(Duration.ofSeconds(20));
        String slowWorkflow = defineAndEnabled(workflow("Slow", manual(), List.of(
                step("wait for the slow target", "HTTP_CALL", Map.of("url", endpoint.url("/slow/a"))))));
        FakeAirtableServer.Base slow = newBase();
        slowBase = slow.holdPage(TABLE, 1);
        String slowSync = connect(admin(), workspaceId, slow);
        List<String> slowRuns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slowRuns.add(requestRun(slowWorkflow));
        }
        requestSync(admin(), slowSync);
        try {
            eventually(() -> endpoint.requestsTo("/slow/a") == 3);
        } catch (AssertionError e) {
            throw new AssertionError("the slow calls did not start: " + endpoint.requests() + "; runs "
                    + slowRuns.stream().map(run -> events.typesOf(run) + " " + journalOf(run)).toList()
                    + "; sagas " + jdbc.queryForList("select saga_key, status, current_step, last_error from saga_instance "
                    + "where tenant_id = ?::uuid", tenantId), e);
        }

        String otherTenant = createTenant("TEAM");
        String otherWorkspace = provisionWorkspace(otherTenant, "bea", "Elsewhere");
        Api bea = api.as(tokens.tenantAdmin(otherTenant, "bea"));
        Api.Response defined = bea.post("/api/v1/workspaces/" + otherWorkspace + "/workflows", workflow("Quick", manual(),
                List.of(step("tell", "NOTIFY", Map.of("recipient", "bea@example.com", "message", "done")))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String quickSync = connect(bea, otherWorkspace, newBase());

        long started = System.nanoTime();
        String quickRun = bea.post("/api/v1/workflows/" + defined.json().get("id").asText() + "/runs", null)
                .json().get("id").asText();
        eventually(() -> events.typesOf(quickRun).contains("WorkflowRunCompleted"));
        Duration quickRunTook = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        requestSync(bea, quickSync);
        eventually(() -> events.typesOf(quickSync).contains("SyncRunCompleted"));
        Duration quickSyncTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(quickRunTook).as("tenant B's one-step run while tenant A's calls wait").isLessThan(QUICK);
        assertThat(quickSyncTook).as("tenant B's sync of a quick base while tenant A's base holds").isLessThan(QUICK);
        assertThat(events.typesOf(slowSync)).as("tenant A's sync still waits for its base")
                .doesNotContain("SyncRunCompleted");
    }

    private static FakeAirtableServer.Base newBase() {
        return FakeAirtableServer.get().newBase().table(TABLE, "Things")
                .record(TABLE, "recThing000000001", Map.of("Name", "one"));
    }

    private static String connect(Api admin, String workspace, FakeAirtableServer.Base base) {
        Api.Response connected = admin.post("/api/v1/workspaces/" + workspace + "/airtable-syncs", Map.of(
                "baseId", base.id, "tableIds", List.of(TABLE), "tokenRef", FakeAirtableServer.TOKEN_REF));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        return connected.json().get("id").asText();
    }

    private static String requestSync(Api admin, String syncId) {
        Api.Response accepted = admin.post("/api/v1/airtable-syncs/" + syncId + "/runs", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("id").asText();
    }
}
