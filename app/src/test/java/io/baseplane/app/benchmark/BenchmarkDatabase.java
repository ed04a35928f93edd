package io.baseplane.app.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh database of its own on the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust
 * authentication), with a fixed-size HikariCP pool. Dropped on {@link #close()}, or when the JVM exits.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private final String name;
    private final HikariDataSource dataSource;
    private final Thread dropOnExit;

    private BenchmarkDatabase(String name, int poolSize) {
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + name);
        config.setUsername(USER);
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName(name);
        this.dataSource = new HikariDataSource(config);
        this.dropOnExit = new Thread(() -> execute("drop database if exists " + name + " with (force)"));
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    static boolean serverAvailable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates {@code bench_<random>_<purpose>}. */
    static BenchmarkDatabase create(String purpose, int poolSize) {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_" + purpose;
        execute("create database " + name);
        return new BenchmarkDatabase(name, poolSize);
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    long eventCount() {
        return queryLong("select count(*) from domain_event_entry");
    }

    long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of {@code sql}, each row its columns joined with a blank. */
    List<String> queryRows(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String serverVersion() {
        return queryRows("show server_version").get(0);
    }

    @Override
    public void close() {
        dataSource.close();
        execute("drop database if exists " + name + " with (force)");
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway; dropping twice is harmless
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the benchmark server", e);
        }
    }
}
