package io.baseplane.app.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.ExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means that the database could not be reached or did not answer in time, wherever in a request
 * it happened.
 */
final class DatabaseFailures {

    /** Seconds a client is asked to wait while the database is out of reach. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseFailures() {
    }

    /** The answer while the database is out of reach (with {@link #RETRY_AFTER_SECONDS} as {@code Retry-After}). */
    static ProblemDetail problem() {
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "The database cannot be reached or did not answer in time; retry later");
    }

    /**
     * No connection could be had (the pool timed out, the server refused or cut it): SQL states of class 08
     * (connection exception) and 57P (operator intervention, e.g. a server shutting down), or Hikari's timeout.
     * Or the database did not answer in time: a statement cancelled by {@code statement_timeout} (57014) or a
     * lock not granted within {@code lock_timeout} (55P03).
     */
    static boolean unavailable(Throwable failure) {
        return ExceptionUtils.findException(failure, t -> t instanceof SQLTransientConnectionException
                || t instanceof CannotGetJdbcConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && unavailableState(sql.getSQLState()))
                .isPresent();
    }

    private static boolean unavailableState(String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.equals(QUERY_CANCELED)
                || state.equals(LOCK_NOT_AVAILABLE);
    }
}
