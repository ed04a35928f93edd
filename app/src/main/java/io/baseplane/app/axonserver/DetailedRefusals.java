package io.baseplane.app.axonserver;

import io.baseplane.kernel.common.RefusalDetails;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;

/**
 * A handler's refusal as Axon's distributed buses can carry it: an execution exception whose details
 * ({@link RefusalDetails}) the messages serializer writes into the answer. Without details the connector sends only an
 * error code and texts, and the dispatching node could no longer tell a 404 from a 409. Other failures stay as they
 * are: they are technical, and their answer is the same (a 500, a retry) with or without details.
 */
public final class DetailedRefusals {

    private DetailedRefusals() {
    }

    /** {@code failure} as a {@code CommandExecutionException} with details when it is a refusal. */
    public static Throwable ofCommand(Throwable failure) {
        return refusalIn(failure)
                .<Throwable>map(details -> new CommandExecutionException(details.message(), failure, details, false))
                .orElse(failure);
    }

    /** {@code failure} as a {@code QueryExecutionException} with details when it is a refusal. */
    public static Throwable ofQuery(Throwable failure) {
        return refusalIn(failure)
                .<Throwable>map(details -> new QueryExecutionException(details.message(), failure, details, false))
                .orElse(failure);
    }

    /** Empty also for a failure that carries details already (it was wrapped once, or Axon's own). */
    private static Optional<RefusalDetails> refusalIn(Throwable failure) {
        if (HandlerExecutionException.resolveDetails(failure).isPresent()) {
            return Optional.empty();
        }
        return RefusalDetails.describe(failure);
    }
}
