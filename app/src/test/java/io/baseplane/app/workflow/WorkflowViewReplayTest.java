package io.baseplane.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.CompleteWorkflowRunCommand;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.DisableWorkflowCommand;
import io.baseplane.kernel.workflow.MarkStepCompensatedCommand;
import io.baseplane.kernel.workflow.MarkStepFailedCommand;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.StartStepCommand;
import io.baseplane.kernel.workflow.StartWorkflowRunCommand;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.ReadModelGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resetting the workflow-view processor clears its rows (reset handlers of both projectors) and the replay
 * of the whole event store rebuilds them exactly as they were, row by row.
 * The tests play the execution saga themselves; the real one waits until each is done.
 */
@ExtendWith(HandDrivenRuns.class)
class WorkflowViewReplayTest extends PlatformTestBase {

    private static final Map<String, String> TABLES = Map.of(
            "workflow_view_workspace", "workspace_id",
            "workflow_view", "workflow_id",
            "workflow_view_step", "workflow_id, position",
            "workflow_run_view", "run_id",
            "workflow_run_view_step", "run_id, position");

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aResetProcessorRebuildsTheSameRows() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Replay");
        WorkflowId workflowId = WorkflowId.random();
        List<WorkflowStep> steps = List.of(
                new WorkflowStep("call", StepType.HTTP_CALL, Map.of("url", "https://example.com/a"), 10,
                        new CompensationStep(StepType.HTTP_CALL, Map.of("url", "https://example.com/undo"))),
                new WorkflowStep("tell", StepType.NOTIFY, Map.of("recipient", "ops", "message", "hi"), null, null));
        send(tenantId, new DefineWorkflowCommand(workflowId, WorkspaceId.of(workspaceId), TenantId.of(tenantId), "Replayed",
                Trigger.onEvent("airtable.sync.completed"), steps));
        WorkflowRunId completed = run(tenantId, workspaceId, workflowId, steps);
        send(tenantId, new StartStepCommand(completed, 0));
        send(tenantId, new MarkStepSucceededCommand(completed, 0, Map.of()));
        send(tenantId, new StartStepCommand(completed, 1));
        send(tenantId, new MarkStepSucceededCommand(completed, 1, Map.of()));
        send(tenantId, new CompleteWorkflowRunCommand(completed));
        WorkflowRunId compensated = run(tenantId, workspaceId, workflowId, steps);
        send(tenantId, new StartStepCommand(compensated, 0));
        send(tenantId, new MarkStepSucceededCommand(compensated, 0, Map.of()));
        send(tenantId, new StartStepCommand(compensated, 1));
        send(tenantId, new MarkStepFailedCommand(compensated, 1, "no recipient"));
        send(tenantId, new BeginCompensationCommand(compensated, "undo"));
        send(tenantId, new MarkStepCompensatedCommand(compensated, 0));
        send(tenantId, new DisableWorkflowCommand(workflowId, null));
        long workflowVersion = events.typesOf(workflowId).size() - 1;
        long runVersion = events.typesOf(compensated).size() - 1;
        eventually(() -> versions("workflow_view", "workflow_id", workflowId).equals(List.of(workflowVersion))
                && versions("workflow_run_view", "run_id", compensated).equals(List.of(runVersion))
                && versions("workflow_run_view", "run_id", completed).size() == 1);
        Map<String, List<Map<String, Object>>> before = rows();

        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModelGroups.WORKFLOW_VIEW, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from workflow_run_view", Long.class)).isZero();
        processor.start();

        eventually(() -> rows().equals(before));
        assertThat(rows()).isEqualTo(before);
    }

    private WorkflowRunId run(String tenantId, String workspaceId, WorkflowId workflowId, List<WorkflowStep> steps) {
        WorkflowRunId runId = WorkflowRunId.random();
        send(tenantId, new RequestWorkflowRunCommand(workflowId, runId, Map.of()));
        send(tenantId, new StartWorkflowRunCommand(runId, workflowId, TenantId.of(tenantId), WorkspaceId.of(workspaceId),
                steps, Map.of()));
        return runId;
    }

    private List<Long> versions(String table, String key, Object id) {
        return jdbc.queryForList("select version from " + table + " where " + key + " = ?::uuid", Long.class, id.toString());
    }

    private void send(String tenantId, Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("tenantId", tenantId, "userId", "olivia")));
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> rows.put(table, jdbc.queryForList("select * from " + table + " order by " + key)));
        return rows;
    }
}
