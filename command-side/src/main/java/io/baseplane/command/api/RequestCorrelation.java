package io.baseplane.command.api;

import io.baseplane.kernel.common.MetaDataKeys;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * The correlation id of the HTTP request being handled, as the request filter put it in the logging
 * context. A command sent for the request takes it as its message id, so the request's log lines, the
 * command, and every event and saga step of its chain share one {@code correlationId}.
 */
public final class RequestCorrelation {

    private RequestCorrelation() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MetaDataKeys.CORRELATION_ID)).filter(RequestCorrelation::isUuid);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
