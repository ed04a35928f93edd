package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The compensation of a step failed for good; the run ends COMPENSATION_FAILED. */
public record MarkCompensationFailedCommand(@TargetAggregateIdentifier WorkflowRunId runId, int stepIndex, String reason) {
}
