package io.baseplane.kernel.airtable;

/** Lifecycle of one synchronisation run. */
public enum SyncRunStatus {
    REQUESTED,
    SCHEMA_FETCHED,
    IMPORTING,
    /** Terminal: the staged records became visible. */
    COMPLETED,
    /** Failed for good; its staged records still have to be discarded. */
    FAILED,
    /** Terminal: a failed run whose staged records were discarded. */
    COMPENSATED;

    /** True while the run still blocks a new run or a disconnection (everything up to compensation). */
    public boolean active() {
        return this != COMPLETED && this != COMPENSATED;
    }
}
