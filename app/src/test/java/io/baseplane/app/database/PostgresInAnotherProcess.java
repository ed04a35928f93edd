package io.baseplane.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A process that starts the platform's embedded PostgreSQL on a data directory, writes a row, says "ready" and
 * waits to be killed: killed with SIGKILL, it leaves its PostgreSQL running, as a platform killed with
 * {@code kill -9} does.
 */
public final class PostgresInAnotherProcess {

    private PostgresInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(Path.of(args[0]), Path.of(args[1]), 0);
        EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (id int primary key, note text not null)");
            statement.execute("insert into survivor values (1, 'written before the crash')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
