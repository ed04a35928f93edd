package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The running step failed for good (after the executor's retries, or by timing out). */
public record MarkStepFailedCommand(@TargetAggregateIdentifier WorkflowRunId runId, int stepIndex, String reason) {
}
