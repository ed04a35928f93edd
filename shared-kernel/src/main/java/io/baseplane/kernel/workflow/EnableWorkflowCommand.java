package io.baseplane.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lets the workflow run again; enabling an enabled workflow changes nothing. */
public record EnableWorkflowCommand(@TargetAggregateIdentifier WorkflowId workflowId, @TargetAggregateVersion Long expectedVersion) {
}
