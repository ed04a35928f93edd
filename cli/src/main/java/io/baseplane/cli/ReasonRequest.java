package io.baseplane.cli;

/** The body of an operator action that only needs to say why: kept in the platform's audit trail. */
public record ReasonRequest(String reason) {
}
