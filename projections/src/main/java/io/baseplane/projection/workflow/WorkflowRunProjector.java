package io.baseplane.projection.workflow;

import io.baseplane.kernel.workflow.CompensationStarted;
import io.baseplane.kernel.workflow.StepCompensated;
import io.baseplane.kernel.workflow.StepCompensationFailed;
import io.baseplane.kernel.workflow.StepFailed;
import io.baseplane.kernel.workflow.StepStarted;
import io.baseplane.kernel.workflow.StepSucceeded;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
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
 * Keeps {@code workflow_run_view}: a run and the status of each of its steps. A run is its own aggregate,
 * so the row's version is the run's sequence number; events at or below it are ignored. The run appears
 * when it starts (its first event); a run that was requested but not started yet shows only in the
 * workflow's request count.
 */
@Component
@ProcessingGroup(ReadModelGroups.WORKFLOW_VIEW)
public class WorkflowRunProjector {

    private final WorkflowRunViewRepository runs;

    WorkflowRunProjector(WorkflowRunViewRepository runs) {
        this.runs = runs;
    }

    @EventHandler
    public void on(WorkflowRunStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (runs.findById(event.runId().value()).isEmpty()) {
            runs.save(WorkflowRunEntity.started(event.runId(), event.workflowId(), event.tenantId(), event.workspaceId(),
                    event.steps(), sequence, at));
        }
    }

    @EventHandler
    public void on(StepStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.stepStarted(event.stepIndex(), sequence, at));
    }

    @EventHandler
    public void on(StepSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.stepSucceeded(event.stepIndex(), sequence, at));
    }

    @EventHandler
    public void on(StepFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.stepFailed(event.stepIndex(), event.reason(), sequence, at));
    }

    @EventHandler
    public void on(WorkflowRunCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.completed(sequence, at));
    }

    @EventHandler
    public void on(CompensationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.compensationStarted(event.reason(), sequence, at));
    }

    @EventHandler
    public void on(StepCompensated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.stepCompensated(event.stepIndex(), sequence, at));
    }

    @EventHandler
    public void on(StepCompensationFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence,
                run -> run.stepCompensationFailed(event.stepIndex(), event.reason(), sequence, at));
    }

    @EventHandler
    public void on(WorkflowRunCompensated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.compensated(sequence, at));
    }

    @EventHandler
    public void on(WorkflowRunFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        run(event.runId(), sequence, run -> run.failed(event.reason(), sequence, at));
    }

    @ResetHandler
    public void reset() {
        runs.deleteAllInBatch();
    }

    private void run(WorkflowRunId runId, long sequence, Consumer<WorkflowRunEntity> change) {
        runs.findById(runId.value()).filter(run -> run.isBehind(sequence)).ifPresent(change);
    }
}
