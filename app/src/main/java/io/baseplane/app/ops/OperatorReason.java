package io.baseplane.app.ops;

/** The body of an operator's action: why the operator acts (required, checked where the action is). */
public record OperatorReason(String reason) {

    /** The reason of a body that may be missing. */
    public static String of(OperatorReason body) {
        return body == null ? null : body.reason();
    }
}
