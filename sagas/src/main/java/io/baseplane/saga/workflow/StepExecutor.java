package io.baseplane.saga.workflow;

import io.baseplane.kernel.workflow.StepType;

/**
 * Executes steps of one {@link StepType} (and compensations of that type) for the execution saga. It runs
 * on the saga's thread and inside its transaction, so it must be bounded by {@link StepContext#timeout()}.
 * A failure it can describe is returned as {@link StepOutcome#failed}; an exception counts as a failure too
 * but is reported only by its type.
 */
public interface StepExecutor {

    StepType type();

    StepOutcome execute(StepContext context);
}
