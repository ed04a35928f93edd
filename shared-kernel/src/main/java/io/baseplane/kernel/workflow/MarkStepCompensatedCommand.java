package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The compensation of a step succeeded; steps are compensated in reverse order. */
public record MarkStepCompensatedCommand(@TargetAggregateIdentifier WorkflowRunId runId, int stepIndex) {
}
