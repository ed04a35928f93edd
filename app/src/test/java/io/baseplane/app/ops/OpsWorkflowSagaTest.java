package io.baseplane.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explorer and the deadline action on a real saga: a workflow run waiting on a one-hour DELAY shows its
 * state, association, deadline and timeline, and firing the deadline lets the run complete at once.
 */
class OpsWorkflowSagaTest extends PlatformTestBase {

    @Test
    void aWaitingRunShowsItsDeadlineAndFiringItCompletesTheRun() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Operations");
        Api admin = api.as(tokens.tenantAdmin(tenantId, "olivia"));
        Api.Response defined = admin.post("/api/v1/workspaces/" + workspaceId + "/workflows", Map.of(
                "name", "Slow", "trigger", Map.of("type", "MANUAL"),
                "steps", List.of(Map.of("name", "wait", "type", "DELAY", "parameters", Map.of("seconds", "3600")))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Api.Response requested = admin.post("/api/v1/workflows/" + defined.json().get("id").asText() + "/runs", null);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String runId = requested.json().get("id").asText();
        eventually(() -> sagaOf(runId) != null);
        String sagaId = sagaOf(runId);
        ensureListed(sagaId, runId, tenantId);

        JsonNode[] saga = new JsonNode[1];
        eventually(() -> {
            saga[0] = api.as(tokens.operator()).get("/api/v1/ops/sagas/" + sagaId).json();
            return saga[0].get("deadlines").size() == 1;
        });
        JsonNode deadline = saga[0].at("/deadlines/0");
        assertThat(deadline.get("name").asText()).isEqualTo("workflow-delay-elapsed");
        assertThat(Instant.parse(deadline.get("dueAt").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(saga[0].get("type").asText()).isEqualTo("WorkflowExecution");
        assertThat(saga[0].at("/state/runId").asText()).isEqualTo(runId);
        assertThat(saga[0].get("associations").findValuesAsText("value")).contains(runId);
        assertThat(saga[0].get("stuck").asBoolean()).as("it waits for its deadline").isFalse();
        assertThat(saga[0].get("timeline").findValuesAsText("aggregateId")).contains(runId);
        assertThat(saga[0].get("timeline").findValuesAsText("step")).contains("wait");

        Api.Response fired = api.as(tokens.operator()).post("/api/v1/ops/sagas/" + sagaId + "/deadlines/"
                + deadline.get("deadlineId").asText() + "/fire", Map.of("reason", "skip the wait for the demo"));

        assertThat(fired.status()).as(fired.toString()).isEqualTo(202);
        eventually(() -> "COMPLETED".equals(admin.get("/api/v1/workflow-runs/" + runId).json().path("status").asText()));
        SagaEvents written = new SagaEvents(jdbc);
        assertThat(written.operatorEntries(sagaId)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("transition", "OPERATOR_FIRE_DEADLINE").containsEntry("step", "wait")
                .containsEntry("detail", "skip the wait for the demo").containsEntry("actor", "operator"));
        assertThat(written.requestsAbout(sagaId)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("SagaDeadlineFireRequested");
            assertThat(event.payload().get("deadlineId").asText()).isEqualTo(deadline.get("deadlineId").asText());
            assertThat(event.metaData().get("userId").asText()).isEqualTo("operator");
        });
    }

    private String sagaOf(String runId) {
        return jdbc.queryForList("select saga_id from association_value_entry "
                + "where association_key = 'runId' and association_value = ?", String.class, runId)
                .stream().findFirst().orElse(null);
    }

    /**
     * The saga's row, as the journal keeps it; written here if the journal has not (yet) done so, so this test
     * is about the explorer, not about the journal.
     */
    private void ensureListed(String sagaId, String runId, String tenantId) {
        jdbc.update("insert into saga_instance (saga_id, saga_type, saga_key, tenant_id, status, current_step, "
                + "started_at, last_progress_at) values (?, 'WorkflowExecution', ?, ?::uuid, 'RUNNING', 'wait', now(), "
                + "now()) on conflict (saga_id) do nothing", sagaId, runId, tenantId);
    }
}
