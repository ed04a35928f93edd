package io.baseplane.projection.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunStatus;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workflow.query.WorkflowRunView;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.VersionedRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.hibernate.annotations.BatchSize;

/** Row of {@code workflow_run_view}: one run, versioned by the run aggregate (not by its workflow). */
@Entity
@Table(name = "workflow_run_view")
public class WorkflowRunEntity extends VersionedRow {

    @Id
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "workflow_id", nullable = false)
    private UUID workflowId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private WorkflowRunStatus status;

    @ElementCollection
    @CollectionTable(name = "workflow_run_view_step", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<RunStepRow> steps = new ArrayList<>();

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WorkflowRunEntity() {
        // for JPA
    }

    static WorkflowRunEntity started(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                                     List<WorkflowStep> steps, long sequence, Instant at) {
        WorkflowRunEntity run = new WorkflowRunEntity();
        run.runId = runId.value();
        run.workflowId = workflowId.value();
        run.tenantId = tenantId.value();
        run.workspaceId = workspaceId.value();
        run.status = WorkflowRunStatus.RUNNING;
        steps.forEach(step -> run.steps.add(new RunStepRow(step.name(), step.type())));
        run.startedAt = at;
        run.updatedAt = at;
        run.advanceTo(sequence);
        run.markFresh();
        return run;
    }

    void stepStarted(int index, long sequence, Instant at) {
        step(index, step -> step.started(at));
        advance(sequence, at);
    }

    void stepSucceeded(int index, long sequence, Instant at) {
        step(index, step -> step.succeeded(at));
        advance(sequence, at);
    }

    void stepFailed(int index, String reason, long sequence, Instant at) {
        step(index, step -> step.failed(reason, at));
        status = WorkflowRunStatus.FAILED;
        failureReason = reason;
        advance(sequence, at);
    }

    void completed(long sequence, Instant at) {
        status = WorkflowRunStatus.COMPLETED;
        finishedAt = at;
        advance(sequence, at);
    }

    /** Compensation began: after a failed step (whose error stays the reason) or as an abort. */
    void compensationStarted(String reason, long sequence, Instant at) {
        status = WorkflowRunStatus.COMPENSATING;
        if (failureReason == null) {
            failureReason = reason;
        }
        advance(sequence, at);
    }

    void stepCompensated(int index, long sequence, Instant at) {
        step(index, step -> step.compensated(at));
        advance(sequence, at);
    }

    void stepCompensationFailed(int index, String reason, long sequence, Instant at) {
        step(index, step -> step.compensationFailed(reason, at));
        status = WorkflowRunStatus.COMPENSATION_FAILED;
        finishedAt = at;
        advance(sequence, at);
    }

    /** The run ended FAILED with nothing to undo: after a failed step (whose error stays the reason) or as an abort. */
    void failed(String reason, long sequence, Instant at) {
        status = WorkflowRunStatus.FAILED;
        if (failureReason == null) {
            failureReason = reason;
        }
        finishedAt = at;
        advance(sequence, at);
    }

    void compensated(long sequence, Instant at) {
        status = WorkflowRunStatus.COMPENSATED;
        finishedAt = at;
        advance(sequence, at);
    }

    /** Changes the step at this index; an index the run does not have (impossible for a valid stream) is skipped. */
    private void step(int index, Consumer<RunStepRow> change) {
        if (index >= 0 && index < steps.size()) {
            change.accept(steps.get(index));
        }
    }

    private void advance(long sequence, Instant at) {
        advanceTo(sequence);
        updatedAt = at;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public WorkflowRunView toView() {
        return new WorkflowRunView(new WorkflowRunId(runId), new WorkflowId(workflowId), new TenantId(tenantId),
                new WorkspaceId(workspaceId), status,
                IntStream.range(0, steps.size()).mapToObj(i -> steps.get(i).toView(i)).toList(),
                failureReason, startedAt, finishedAt, updatedAt, version());
    }

    @Override
    public UUID getId() {
        return runId;
    }
}
