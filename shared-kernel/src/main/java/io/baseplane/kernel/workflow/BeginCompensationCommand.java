package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts undoing the succeeded steps in reverse order: after a step failed, or to abort a running run
 * while no step is executing.
 */
public record BeginCompensationCommand(@TargetAggregateIdentifier WorkflowRunId runId, String reason) {
}
