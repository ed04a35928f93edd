package io.baseplane.saga.workflow;

/**
 * Payload of the execution saga's deadlines: which step (or which step's compensation) a timeout or an
 * elapsed delay is about. A deadline that no longer matches what the saga executes is ignored.
 */
public record StepDeadline(int stepIndex, boolean compensation) {
}
