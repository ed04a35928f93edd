package io.baseplane.kernel.saga;

/** Where a saga instance stands, as operators see it. */
public enum SagaStatus {
    /** Working, or waiting for an event or a deadline. */
    RUNNING,
    /** A step failed for a technical reason and is retried with backoff. */
    RETRYING,
    /** Retries are used up: the saga waits for an operator (retry or abort). */
    PARKED,
    /** Undoing its succeeded steps. */
    COMPENSATING,
    COMPLETED,
    /** A step failed for good and nothing was to be undone. */
    FAILED,
    /** A step failed for good and what the saga had done was undone. */
    COMPENSATED,
    /** An undo itself failed: an operator must look. */
    COMPENSATION_FAILED
}
