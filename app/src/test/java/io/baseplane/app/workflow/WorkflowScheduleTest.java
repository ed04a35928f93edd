package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.saga.workflow.trigger.ScheduledWorkflowRunner;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCHEDULE workflows start when their cron says so, through the recurring poll on db-scheduler. */
class WorkflowScheduleTest extends WorkspaceWorkflowTestBase {

    private final LocalEndpoint endpoint = new LocalEndpoint();

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void aWorkflowDueEverySecondStartsARunForItsFireTime() {
        String workflowId = define("0/1 * * * * *", endpoint.url("/ok/tick"));

        eventually(() -> !runRequests(workflowId).isEmpty());
        // Switched off again at once: the test needs one run, not one a second.
        assertThat(admin().post("/api/v1/workflows/" + workflowId + "/disable", null).status()).isEqualTo(200);

        JsonNode first = runRequests(workflowId).get(0);
        Instant scheduledAt = Instant.parse(first.at("/input/scheduledAt").asText());
        assertThat(first.get("runId").asText())
                .isEqualTo(ScheduledWorkflowRunner.runIdFor(WorkflowId.of(workflowId), scheduledAt).toString());
        String runId = first.get("runId").asText();
        eventually(() -> events.typesOf(runId).contains("WorkflowRunCompleted"));
        assertThat(endpoint.requests()).contains("GET /ok/tick");
        assertThat(nextFireAt(workflowId)).isAfter(scheduledAt);
    }

    @Test
    void aFireTimeMissedLongAgoIsSkippedNotMadeUp() {
        String workflowId = define("0 0 2 * * *", endpoint.url("/ok/nightly"));
        // As if the platform had been down over last night's fire time.
        jdbc.update("update workflow_trigger set next_fire_at = ? where workflow_id = ?::uuid",
                Timestamp.from(Instant.now().minusSeconds(3600)), workflowId);

        eventually(() -> nextFireAt(workflowId).isAfter(Instant.now()));
        assertThat(runRequests(workflowId)).isEmpty();
        assertThat(endpoint.requests()).isEmpty();
    }

    private String define(String cron, String url) {
        Api.Response defined = admin().post(workflowsPath(), workflow("Ticking",
                Map.of("type", "SCHEDULE", "cron", cron), List.of(step("tick", "HTTP_CALL", Map.of("url", url)))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().get("id").asText();
    }

    private Instant nextFireAt(String workflowId) {
        return jdbc.queryForObject("select next_fire_at from workflow_trigger where workflow_id = ?::uuid",
                Timestamp.class, workflowId).toInstant();
    }
}
