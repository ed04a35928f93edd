package io.baseplane.command.workflow.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.command.testing.RecordingJdbcTemplate;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lookup the trigger handler reads to find the workflows an event starts. */
class WorkflowTriggerUpdaterTest {

    private static final List<WorkflowStep> STEPS =
            List.of(new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "1"), null, null));

    private static final Instant AT = Instant.parse("2026-11-29T23:10:00Z");

    private final WorkflowId workflowId = WorkflowId.random();
    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
    private final WorkflowTriggerUpdater updater = new WorkflowTriggerUpdater(jdbc);

    @Test
    void listsANewWorkflowEnabledWithItsEventType() {
        updater.on(new WorkflowDefined(workflowId, workspaceId, tenantId, "On sync",
                Trigger.onEvent("airtable.sync.completed"), STEPS), AT);

        assertThat(jdbc.statements).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).startsWith("INSERT INTO workflow_trigger");
            assertThat(statement.args()).containsExactly(workflowId.value(), tenantId.value(), workspaceId.value(),
                    "EVENT", "airtable.sync.completed", null, null);
        });
    }

    @Test
    void aManualWorkflowHasNoEventType() {
        updater.on(new WorkflowDefined(workflowId, workspaceId, tenantId, "By hand", Trigger.manual(), STEPS), AT);

        assertThat(jdbc.statements).singleElement()
                .satisfies(statement -> assertThat(statement.args()).containsExactly(
                        workflowId.value(), tenantId.value(), workspaceId.value(), "MANUAL", null, null, null));
    }

    @Test
    void aScheduledWorkflowIsDueAtTheFirstTimeItsCronNamesAfterTheEvent() {
        updater.on(new WorkflowDefined(workflowId, workspaceId, tenantId, "Nightly", Trigger.schedule("0 0 2 * * *"), STEPS), AT);

        assertThat(jdbc.statements).singleElement()
                .satisfies(statement -> assertThat(statement.args()).containsExactly(
                        workflowId.value(), tenantId.value(), workspaceId.value(), "SCHEDULE", null, "0 0 2 * * *",
                        Timestamp.from(Instant.parse("2026-11-30T02:00:00Z"))));
    }

    @Test
    void followsTriggerChangesAndEnabling() {
        updater.on(new WorkflowDefinitionUpdated(workflowId, workspaceId, tenantId, "Nightly",
                Trigger.schedule("0 0 2 * * *"), STEPS), AT);
        updater.on(new WorkflowDisabled(workflowId, workspaceId, tenantId));
        updater.on(new WorkflowEnabled(workflowId, workspaceId, tenantId));

        assertThat(jdbc.statements).extracting(RecordingJdbcTemplate.Statement::args).containsExactly(
                Arrays.asList("SCHEDULE", null, "0 0 2 * * *", Timestamp.from(Instant.parse("2026-11-30T02:00:00Z")),
                        workflowId.value()),
                List.of(false, workflowId.value()),
                List.of(true, workflowId.value()));
    }
}
