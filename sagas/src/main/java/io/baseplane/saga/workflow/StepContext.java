package io.baseplane.saga.workflow;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@link StepExecutor} gets for one execution of a step or of its compensation.
 *
 * @param parameters   the step's (or compensation's) parameters with {@code {{input.x}}} and {@code {{runId}}}
 *                     already filled in
 * @param compensation true when this undoes the step rather than doing it
 * @param timeout      how long the execution may take at most
 */
public record StepContext(TenantId tenantId, WorkspaceId workspaceId, WorkflowRunId runId, int stepIndex,
                          String stepName, boolean compensation, Map<String, String> parameters, Duration timeout) {

    public StepContext {
        parameters = Map.copyOf(parameters);
    }

    /** A key that is the same each time this very execution is retried, for receivers that deduplicate. */
    public String idempotencyKey() {
        return runId + ":" + stepIndex + (compensation ? ":compensation" : "");
    }
}
