package io.baseplane.kernel.workflow;

/**
 * What a step (or a compensation) does, and the parameters it needs:
 * {@code HTTP_CALL} url (+ method), {@code NOTIFY} recipient + message, {@code DELAY} seconds,
 * {@code UPSERT_RECORD} table + record.
 */
public enum StepType {
    HTTP_CALL,
    NOTIFY,
    DELAY,
    UPSERT_RECORD
}
