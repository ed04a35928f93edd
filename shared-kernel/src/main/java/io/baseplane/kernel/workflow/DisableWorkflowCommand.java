package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stops new runs (runs under way finish); disabling a disabled workflow changes nothing. */
public record DisableWorkflowCommand(@TargetAggregateIdentifier WorkflowId workflowId, @TargetAggregateVersion Long expectedVersion) {
}
