package io.baseplane.saga.journal;

/** What happened to a saga step, or to the saga, as its timeline shows it. */
public enum StepTransition {
    STARTED,
    SUCCEEDED,
    FAILED,
    COMPENSATING,
    COMPENSATED,
    /** The undo itself failed; an operator must look. */
    COMPENSATION_FAILED,
    /** A technical failure; the step is tried again after a backoff. */
    RETRYING,
    /** Retries are used up; the saga waits for an operator. */
    PARKED,
    /** A retried step went through; the saga goes on. */
    RESUMED,
    /** The saga ended; its final status follows from the transitions before. */
    ENDED;

    /** Whether this transition says the saga undoes what it did. */
    boolean compensates() {
        return this == COMPENSATING || this == COMPENSATED || this == COMPENSATION_FAILED;
    }
}
