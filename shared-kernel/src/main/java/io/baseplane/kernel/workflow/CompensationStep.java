package io.baseplane.kernel.workflow;

import java.util.Map;

/** Undoes a succeeded step when a later step fails for good; same parameter rules as a step of its type. */
public record CompensationStep(StepType type, Map<String, String> parameters) {
}
