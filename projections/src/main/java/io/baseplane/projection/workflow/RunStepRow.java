package io.baseplane.projection.workflow;

import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.query.StepRunStatus;
import io.baseplane.kernel.workflow.query.WorkflowRunView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** Row of {@code workflow_run_view_step}: one step of a run and where it stands. */
@Embeddable
public class RunStepRow {

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "step_type", nullable = false)
    private StepType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private StepRunStatus status;

    @Column(name = "error")
    private String error;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "compensated_at")
    private Instant compensatedAt;

    protected RunStepRow() {
        // for JPA
    }

    RunStepRow(String name, StepType type) {
        this.name = name;
        this.type = type;
        this.status = StepRunStatus.PENDING;
    }

    void started(Instant at) {
        status = StepRunStatus.RUNNING;
        startedAt = at;
    }

    void succeeded(Instant at) {
        status = StepRunStatus.SUCCEEDED;
        finishedAt = at;
    }

    void failed(String reason, Instant at) {
        status = StepRunStatus.FAILED;
        error = reason;
        finishedAt = at;
    }

    void compensated(Instant at) {
        status = StepRunStatus.COMPENSATED;
        compensatedAt = at;
    }

    void compensationFailed(String reason, Instant at) {
        status = StepRunStatus.COMPENSATION_FAILED;
        error = reason;
        compensatedAt = at;
    }

    WorkflowRunView.Step toView(int index) {
        return new WorkflowRunView.Step(index, name, type, status, error, startedAt, finishedAt, compensatedAt);
    }
}
