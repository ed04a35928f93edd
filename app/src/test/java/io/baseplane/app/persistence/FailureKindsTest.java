package io.baseplane.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.EventProcessingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which view failures heal by themselves (retried with the batch) and which park the event, and which come from the
 * database (parked only once a diagnosed batch names their event).
 */
class FailureKindsTest {

    @Test
    void databaseFailuresThatHealByThemselvesAreTransient() {
        assertThat(FailureKinds.isTransient(new CannotGetJdbcConnectionException("pool exhausted"))).isTrue();
        assertThat(FailureKinds.isTransient(new QueryTimeoutException("statement timed out"))).isTrue();
        assertThat(FailureKinds.isTransient(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(FailureKinds.isTransient(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(FailureKinds.isTransient(new SQLTransientConnectionException("connection is not available")))
                .isTrue();
        assertThat(FailureKinds.isTransient(new SQLTimeoutException("timeout"))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(postgres("serialization failure", "40001")))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(postgres("deadlock detected", "40P01")))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(postgres("canceling statement due to statement timeout", "57014"))))
                .isTrue();
        assertThat(FailureKinds.isTransient(wrapped(postgres("An I/O error occurred", "08006")))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(postgres("terminating connection", "57P01")))).isTrue();
        assertThat(FailureKinds.isTransient(new JdbcException("Axon's wrapper", postgres("lock", "55P03")))).isTrue();
        assertThat(FailureKinds.isTransient(new EventProcessingException("stopping", new InterruptedException())))
                .isTrue();
    }

    @Test
    void failuresThatHappenAgainOnEveryAttemptAreNot() {
        assertThat(FailureKinds.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(FailureKinds.isTransient(new NullPointerException())).isFalse();
        assertThat(FailureKinds.isTransient(new DataIntegrityViolationException("duplicate key",
                postgres("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(FailureKinds.isTransient(wrapped(postgres("value too long for type character varying(100)",
                "22001")))).isFalse();
        assertThat(FailureKinds.isTransient(wrapped(new SQLException("no state")))).isFalse();
    }

    @Test
    void aFailureInTheDatabaseIsToldFromAFailureOfTheHandlersOwnCode() {
        assertThat(FailureKinds.isFromDatabase(new DataIntegrityViolationException("duplicate key",
                postgres("duplicate key value violates unique constraint", "23505")))).isTrue();
        assertThat(FailureKinds.isFromDatabase(wrapped(postgres("value too long", "22001")))).isTrue();
        assertThat(FailureKinds.isFromDatabase(new jakarta.persistence.PersistenceException("flush failed"))).isTrue();
        assertThat(FailureKinds.isFromDatabase(new IllegalStateException("a bug"))).isFalse();
        assertThat(FailureKinds.isFromDatabase(new IllegalArgumentException("bad", new NullPointerException())))
                .isFalse();
    }

    private static SQLException postgres(String message, String state) {
        return new SQLException(message, state);
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("handler failed", new RuntimeException(cause));
    }
}
