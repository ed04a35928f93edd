package io.baseplane.kernel.workflow;

/** What starts a workflow. */
public enum TriggerType {
    /** Only an explicit run request. */
    MANUAL,
    /** A cron expression (Spring's six-field format). */
    SCHEDULE,
    /** A platform event type such as {@code airtable.sync.completed}. */
    EVENT
}
