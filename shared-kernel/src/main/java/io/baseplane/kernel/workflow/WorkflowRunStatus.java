package io.baseplane.kernel.workflow;

/** Lifecycle of one workflow run. */
public enum WorkflowRunStatus {
    /** Steps are executed in order. */
    RUNNING,
    /**
     * A step failed for good. The succeeded steps that define a compensation are undone next (COMPENSATING); when
     * none does, the run ends here: a FAILED run with a {@code finishedAt} is over.
     */
    FAILED,
    /** Succeeded steps are being undone in reverse order. */
    COMPENSATING,
    /** Terminal: every step succeeded. */
    COMPLETED,
    /** Terminal: a step failed and every succeeded step that defines a compensation was undone. */
    COMPENSATED,
    /** Terminal: a compensation failed; operators must look at it. */
    COMPENSATION_FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == COMPENSATED || this == COMPENSATION_FAILED;
    }
}
