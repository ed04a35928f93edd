package io.baseplane.kernel.workflow;

/** Lifecycle of one workflow run. */
public enum WorkflowRunStatus {
    /** Steps are executed in order. */
    RUNNING,
    /** A step failed for good; compensation of the succeeded steps is pending. */
    FAILED,
    /** Succeeded steps are being undone in reverse order. */
    COMPENSATING,
    /** Terminal: every step succeeded. */
    COMPLETED,
    /** Terminal: every succeeded step was undone. */
    COMPENSATED,
    /** Terminal: a compensation failed; operators must look at it. */
    COMPENSATION_FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == COMPENSATED || this == COMPENSATION_FAILED;
    }
}
