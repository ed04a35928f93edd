package io.baseplane.kernel.workflow;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces name, trigger and steps of a workflow; runs already started keep the steps they started with. */
public record UpdateWorkflowDefinitionCommand(@TargetAggregateIdentifier WorkflowId workflowId, String name, Trigger trigger,
                                              List<WorkflowStep> steps, @TargetAggregateVersion Long expectedVersion) {
}
