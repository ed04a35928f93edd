package io.baseplane.app.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Whether a failure means that the database could not be reached, wherever in a request it happened. */
final class DatabaseFailures {

    /** Seconds a client is asked to wait while the database is out of reach. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseFailures() {
    }

    /** The answer while the database is out of reach (with {@link #RETRY_AFTER_SECONDS} as {@code Retry-After}). */
    static ProblemDetail problem() {
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "The database cannot be reached right now; retry later");
    }

    /**
     * No connection could be had (the pool timed out, the server refused or cut it): SQL states of class 08
     * (connection exception) and 57P (operator intervention, e.g. a server shutting down), or Hikari's timeout.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
