package io.baseplane.kernel.workflow;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The running step succeeded with this output. */
public record MarkStepSucceededCommand(@TargetAggregateIdentifier WorkflowRunId runId, int stepIndex, Map<String, String> output) {
}
