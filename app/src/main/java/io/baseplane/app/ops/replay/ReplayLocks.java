package io.baseplane.app.ops.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One node at a time advances a replay: the one that takes its advisory lock (not a row lock: the step updates the
 * row from its own transactions). The lock is held on a connection of its own, in a transaction that only holds it,
 * for as long as the step takes; a node that dies mid-step loses its connection, and with it the lock.
 */
@Component
class ReplayLocks {

    /** The first key of the two-key advisory locks, so that these locks cannot collide with any other use. */
    private static final int LOCK_SPACE = 0x5245504c; // "REPL"

    private final DataSource dataSource;

    ReplayLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the step if no other node is advancing the replay now; returns whether it ran. */
    boolean ifFree(UUID replayId, Runnable step) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection, replayId)) {
                    return false;
                }
                step.run();
                return true;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not lock replay " + replayId, e);
        }
    }

    private static boolean lock(Connection connection, UUID replayId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            select.setInt(1, LOCK_SPACE);
            select.setInt(2, Long.hashCode(replayId.getMostSignificantBits() ^ replayId.getLeastSignificantBits()));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
