package io.baseplane.app.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.HibernateException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Whether a failure is transient: the database was out of reach, too slow, or refused the transaction for now (a lost
 * connection, a timeout, a lock not granted, a deadlock, a serialization failure). Such a failure heals by itself: a
 * view's batch is rolled back and handled again after a backoff (nothing is parked for it, docs/adr/0023), a replay's
 * step is tried again at the next tick (docs/adr/0022). Every other failure (a bug, a constraint the view breaks, an
 * event the handler cannot make sense of) happens again on every attempt.
 */
public final class FailureKinds {

    private FailureKinds() {
    }

    /** True when {@code failure}, or anything in its cause chain, is a transient database failure. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransientType(t) || t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database refused something ({@code failure} or its causes hold a JDBC, Spring data access, JPA or
     * Hibernate exception): the change that failed may be an earlier event's, which Hibernate wrote late.
     */
    public static boolean isFromDatabase(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof PersistenceException
                    || t instanceof HibernateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientType(Throwable t) {
        return t instanceof SQLTransientException            // timeouts, lost connections, rollbacks (JDBC's own kinds)
                || t instanceof SQLRecoverableException
                || t instanceof TransientDataAccessException // Spring: query timeout, lock or concurrency failure
                || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException // Spring: no connection (CannotGetJdbcConnection…)
                || t instanceof CannotCreateTransactionException
                || t instanceof TransactionTimedOutException
                || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                || t instanceof QueryTimeoutException
                // The processor is being stopped: the batch is handled again after the restart.
                || t instanceof InterruptedException || t instanceof InterruptedIOException;
    }

    /**
     * PostgreSQL's SQL states for the same: class 08 (connection exception), 40 (transaction rollback: serialization
     * failure, deadlock), 53 (insufficient resources: too many connections, out of memory), 57P (the server shutting
     * down or starting), 57014 (statement cancelled, e.g. by {@code statement_timeout}), 55P03 (lock not available),
     * 58 (system error: I/O).
     */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P") || state.equals("57014") || state.equals("55P03") || state.startsWith("58"));
    }
}
