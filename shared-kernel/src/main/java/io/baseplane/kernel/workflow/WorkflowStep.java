package io.baseplane.kernel.workflow;

import java.util.Map;

/**
 * One step of a workflow. {@code timeoutSeconds} may be null (the executor's default); {@code compensation}
 * may be null (nothing to undo).
 */
public record WorkflowStep(String name, StepType type, Map<String, String> parameters, Integer timeoutSeconds,
                           CompensationStep compensation) {
}
