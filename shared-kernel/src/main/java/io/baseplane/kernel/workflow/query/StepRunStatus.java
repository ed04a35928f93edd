package io.baseplane.kernel.workflow.query;

/** Where one step of a workflow run stands. */
public enum StepRunStatus {
    /** Not started yet (and, once the run is over, never started). */
    PENDING,
    RUNNING,
    SUCCEEDED,
    /** Failed for good; the run compensates the steps before it. */
    FAILED,
    /** Succeeded, then undone by its compensation. */
    COMPENSATED,
    /** Its compensation failed; operators must look at it. */
    COMPENSATION_FAILED
}
