package io.baseplane.saga.journal;

/** What happened to a saga step. */
public enum StepTransition {
    STARTED,
    SUCCEEDED,
    FAILED,
    COMPENSATING,
    COMPENSATED,
    /** The undo itself failed; an operator must look. */
    COMPENSATION_FAILED
}
