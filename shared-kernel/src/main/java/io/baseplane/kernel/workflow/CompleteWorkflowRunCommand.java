package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a run whose steps all succeeded. */
public record CompleteWorkflowRunCommand(@TargetAggregateIdentifier WorkflowRunId runId) {
}
