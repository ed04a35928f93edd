package io.baseplane.saga.common;

import io.baseplane.kernel.common.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * The one test of the saga failure policy (ADR 0015): a refusal is an aggregate saying no (a domain rule, an
 * aggregate that exists already or one that does not exist), which the saga answers with compensation. Anything else (a timeout, a
 * {@code ConcurrencyException}, a lost connection) is technical, and the step is tried again.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal behind {@code failure}, or null when the failure is technical. */
    public static Throwable refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException || cause instanceof AggregateStreamCreationException
                    || cause instanceof AggregateNotFoundException) {
                return cause;
            }
        }
        return null;
    }

    public static boolean isRefusal(Throwable failure) {
        return refusalIn(failure) != null;
    }
}
