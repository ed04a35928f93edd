package io.baseplane.app.workflow;

import static io.baseplane.app.workflow.WorkflowDefinitions.manual;
import static io.baseplane.app.workflow.WorkflowDefinitions.step;
import static io.baseplane.app.workflow.WorkflowDefinitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deadline that a node picked and then died with (its heartbeat stopped) runs again on a node that lives, after
 * the missed heartbeats (the test profile: four of half a second), not after db-scheduler's default half hour.
 */
class DeadNodeDeadlineTest extends WorkspaceWorkflowTestBase {

    @Test
    void aDelayPickedByANodeThatDiedIsRunByAnother() {
        String workflowId = defineAndEnabled(workflow("Wait an hour", manual(), List.of(
                step("wait", "DELAY", Map.of("seconds", "3600")),
                step("tell", "NOTIFY", Map.of("recipient", "ops@example.com", "message", "an hour later")))));
        String runId = requestRun(workflowId);
        eventually(() -> delayDeadlines(runId) == 1);

        // A node picked the deadline when it was due and died: picked, its heartbeat an hour old.
        int picked = jdbc.update("update scheduled_tasks set execution_time = now(), picked = true, "
                + "picked_by = 'dead-node', last_heartbeat = now() - interval '1 hour', version = version + 1 "
                + "where " + DELAY_OF_RUN, runId);
        assertThat(picked).isEqualTo(1);

        assertThat(statuses(runReaching(runId, "COMPLETED"))).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(delayDeadlines(runId)).isZero();
    }

    /** The run's delay deadline in db-scheduler's table (its task data names the saga, which names the run). */
    private static final String DELAY_OF_RUN = "convert_from(task_data, 'UTF8') like '%workflow-delay-elapsed%' "
            + "and convert_from(task_data, 'UTF8') like '%' || (select saga_id from association_value_entry "
            + "where association_key = 'runId' and association_value = ? limit 1) || '%'";

    private long delayDeadlines(String runId) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where " + DELAY_OF_RUN, Long.class, runId);
    }
}
