package io.baseplane.kernel.workflow.query;

import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunStatus;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a workflow with the status of every step.
 *
 * @param failureReason why the run failed or was aborted (the failed step's error, else the reason given
 *                      when compensation began), or null
 * @param finishedAt    when the run reached COMPLETED, COMPENSATED or COMPENSATION_FAILED, or null
 * @param version       sequence number of the run's last event this view reflects (a run is an aggregate of
 *                      its own, apart from its workflow)
 */
public record WorkflowRunView(WorkflowRunId runId, WorkflowId workflowId, TenantId tenantId, WorkspaceId workspaceId,
                              WorkflowRunStatus status, List<Step> steps, String failureReason,
                              Instant startedAt, Instant finishedAt, Instant updatedAt, long version) implements Versioned {

    public WorkflowRunView {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the run, in order from index 0.
     *
     * @param error         why the step or its compensation failed, or null
     * @param startedAt     when the step started, or null
     * @param finishedAt    when the step succeeded or failed, or null
     * @param compensatedAt when the step's compensation succeeded or failed, or null
     */
    public record Step(int index, String name, StepType type, StepRunStatus status, String error,
                       Instant startedAt, Instant finishedAt, Instant compensatedAt) {
    }
}
