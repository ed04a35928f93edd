package io.baseplane.saga.common;

/** Payload of the deadline by which an outside call's outcome must be back, or the call counts as failed. */
public record CallTimeout(String callId) {
}
