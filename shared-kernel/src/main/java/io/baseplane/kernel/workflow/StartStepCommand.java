package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts step {@code stepIndex} (0-based); only the step after the last succeeded one may start. */
public record StartStepCommand(@TargetAggregateIdentifier WorkflowRunId runId, int stepIndex) {
}
