package io.baseplane.saga.common;

import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.Text;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that turns a failed step into the reason a compensation carries, e.g.
 * {@code "create failed: Workspace name 'X' is taken"}. Reasons end up in events and read models, so only
 * a {@link DomainException}'s message (written for humans, free of internals by contract) is quoted; any
 * other failure is named by its type alone and must be logged by the caller.
 */
public final class FailureReason {

    /** The shortest reason limit of the aggregates a compensation reaches (Tenant, Workspace). */
    public static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    public static String of(String step, Throwable failure) {
        Throwable cause = unwrap(failure);
        String detail = cause instanceof DomainException && cause.getMessage() != null
                ? cause.getMessage()
                : "unexpected " + cause.getClass().getSimpleName();
        // Reasons travel into events whose aggregates refuse control characters and overlong text.
        return Text.sanitized(step + " failed: " + detail, MAX_LENGTH);
    }

    /** Futures wrap the handler's exception; the reason must name the handler's, not the wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
