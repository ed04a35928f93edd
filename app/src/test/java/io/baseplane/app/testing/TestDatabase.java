package io.baseplane.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of this test run's own: a fresh database on the PostgreSQL server at 127.0.0.1:5432 when one
 * answers (as on CI), otherwise an embedded PostgreSQL in a temporary directory. Nothing an earlier run
 * left behind is seen, and the database is dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static volatile String url;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (url == null) {
            url = serverAvailable() ? createOnServer() : startEmbedded();
        }
        return url;
    }

    /**
     * A further, empty database on the same server, for a test that needs a platform of its own (other
     * settings) without sharing the event store and tokens with the main test platform.
     */
    public static synchronized String another() {
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)")
                .matcher(jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected test database URL " + jdbcUrl());
        }
        String admin = url.group(1) + "postgres" + url.group(3);
        String name = "baseplane_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(admin, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(admin, "drop database if exists " + name + " with (force)")));
        return url.group(1) + name + url.group(3);
    }

    /**
     * Makes the database at {@code jdbcUrl} unreachable, as an outage would: new connections are refused and the
     * open ones are cut. Closing the returned handle lets connections in again.
     */
    public static AutoCloseable outage(String jdbcUrl) {
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)")
                .matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("unexpected test database URL " + jdbcUrl);
        }
        String admin = url.group(1) + "postgres" + url.group(3);
        String name = url.group(2);
        execute(admin, "alter database " + name + " allow_connections false");
        execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
        return () -> execute(admin, "alter database " + name + " allow_connections true");
    }

    /**
     * Makes the database at {@code jdbcUrl} stop answering for {@code tables}, as a stuck transaction or an
     * overloaded server would: a transaction holds an exclusive lock on them, so every statement touching them
     * waits. Closing the returned handle ends that transaction.
     */
    public static AutoCloseable lockedTables(String jdbcUrl, String... tables) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, username(), "");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + String.join(", ", tables) + " in access exclusive mode");
        }
        return () -> {
            connection.rollback();
            connection.close();
        };
    }

    public static String username() {
        return "postgres";
    }

    private static boolean serverAvailable() {
        if (System.getenv("BASEPLANE_TEST_EMBEDDED") != null) {
            return false;
        }
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String createOnServer() {
        String name = "baseplane_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
        return SERVER + name;
    }

    private static void execute(String sql) {
        execute(SERVER + "postgres", sql);
    }

    private static void execute(String adminUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server", e);
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Files.createTempDirectory("baseplane-pg-work").toFile())
                    .setDataDirectory(Files.createTempDirectory("baseplane-pg-data").toFile())
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away either way
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }
}
