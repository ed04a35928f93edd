package io.baseplane.saga.common;

/** Payload of a saga's retry deadline: which attempt it is due for, so a stale one is told apart. */
public record RetryDue(int attempt) {
}
