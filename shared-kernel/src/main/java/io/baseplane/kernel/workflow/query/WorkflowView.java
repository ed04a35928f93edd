package io.baseplane.kernel.workflow.query;

import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * A workflow definition as it is now. Steps show name and type only: their parameters (URLs, recipients,
 * records) stay on the command side.
 *
 * @param runsRequested      how many runs were requested so far
 * @param lastRunRequestedAt when the latest run was requested, or null
 * @param version            sequence number of the workflow's last event this view reflects
 */
public record WorkflowView(WorkflowId id, TenantId tenantId, WorkspaceId workspaceId, String name, Trigger trigger,
                           List<Step> steps, boolean enabled, long runsRequested, Instant lastRunRequestedAt,
                           Instant createdAt, Instant updatedAt, long version) implements Versioned {

    public WorkflowView {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the definition, in order from index 0.
     *
     * @param timeoutSeconds   the step's own timeout, or null for the executor's default
     * @param compensationType what undoes the step, or null when nothing does
     */
    public record Step(int index, String name, StepType type, Integer timeoutSeconds, StepType compensationType) {
    }
}
