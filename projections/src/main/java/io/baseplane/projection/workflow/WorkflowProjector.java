package io.baseplane.projection.workflow;

import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.projection.ReadModelGroups;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workflow_view} (versioned by the workflow aggregate; a run request is an event of the
 * workflow, so it moves the workflow's version too) and {@code workflow_view_workspace} (versioned by the
 * workspace aggregate). Events at or below a row's version are ignored, so replays leave rows unchanged;
 * timestamps are the events'.
 */
@Component
@ProcessingGroup(ReadModelGroups.WORKFLOW_VIEW)
public class WorkflowProjector {

    private final WorkflowViewRepository workflows;
    private final WorkspaceOwnerRepository workspaces;

    WorkflowProjector(WorkflowViewRepository workflows, WorkspaceOwnerRepository workspaces) {
        this.workflows = workflows;
        this.workspaces = workspaces;
    }

    @EventHandler
    public void on(WorkspaceCreated event, @SequenceNumber long sequence) {
        if (workspaces.findById(event.workspaceId().value()).isEmpty()) {
            workspaces.save(WorkspaceOwnerEntity.created(event.workspaceId().value(), event.tenantId().value(), sequence));
        }
    }

    @EventHandler
    public void on(WorkspaceDiscarded event, @SequenceNumber long sequence) {
        workspaces.findById(event.workspaceId().value()).ifPresent(workspace -> workspace.discarded(sequence));
    }

    @EventHandler
    public void on(WorkflowDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (workflows.findById(event.workflowId().value()).isEmpty()) {
            workflows.save(WorkflowEntity.defined(event.workflowId(), event.tenantId(), event.workspaceId(),
                    event.name(), event.trigger(), event.steps(), sequence, at));
        }
    }

    @EventHandler
    public void on(WorkflowDefinitionUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        workflow(event.workflowId(), sequence,
                workflow -> workflow.definitionUpdated(event.name(), event.trigger(), event.steps(), sequence, at));
    }

    @EventHandler
    public void on(WorkflowEnabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        workflow(event.workflowId(), sequence, workflow -> workflow.enabled(true, sequence, at));
    }

    @EventHandler
    public void on(WorkflowDisabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        workflow(event.workflowId(), sequence, workflow -> workflow.enabled(false, sequence, at));
    }

    @EventHandler
    public void on(WorkflowRunRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        workflow(event.workflowId(), sequence, workflow -> workflow.runRequested(sequence, at));
    }

    @ResetHandler
    public void reset() {
        workflows.deleteAllInBatch();
        workspaces.deleteAllInBatch();
    }

    private void workflow(WorkflowId workflowId, long sequence, Consumer<WorkflowEntity> change) {
        workflows.findById(workflowId.value()).filter(workflow -> workflow.isBehind(sequence)).ifPresent(change);
    }
}
