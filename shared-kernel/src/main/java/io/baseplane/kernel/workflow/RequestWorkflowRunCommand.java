package io.baseplane.kernel.workflow;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks for one execution of the workflow with the given input; refused while the workflow is disabled. */
public record RequestWorkflowRunCommand(@TargetAggregateIdentifier WorkflowId workflowId, WorkflowRunId runId,
                                        Map<String, String> input, @TargetAggregateVersion Long expectedVersion) {

    /** Without an expected version: no optimistic-concurrency check. */
    public RequestWorkflowRunCommand(WorkflowId workflowId, WorkflowRunId runId, Map<String, String> input) {
        this(workflowId, runId, input, null);
    }
}
