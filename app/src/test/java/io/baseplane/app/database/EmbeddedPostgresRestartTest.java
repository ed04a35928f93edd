package io.baseplane.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps its data: PostgreSQL started the way the application starts it, stopped, and
 * started again on the same data directory still has what was written before.
 */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path data;

    @TempDir
    Path work;

    @Test
    void dataWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(data.resolve("postgres"), work, 0);
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
            execute(first, "create table survivor (id int primary key, note text not null)",
                    "insert into survivor values (1, 'written before the restart')");
        }
        assertThat(Files.exists(properties.dataDirectory().resolve("PG_VERSION"))).isTrue();

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
            assertThat(notes(second)).containsExactly("written before the restart");
            execute(second, "insert into survivor values (2, 'written after the restart')");
        }

        try (EmbeddedPostgres third = configuration.embeddedPostgres(properties)) {
            assertThat(notes(third)).containsExactly("written before the restart", "written after the restart");
        }
    }

    @Test
    void theDataDirectoryIsCreatedWhenItDoesNotExistYet() throws Exception {
        Path nested = data.resolve("deeper").resolve("postgres");
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(nested, work.resolve("bin"), 0);

        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
            execute(postgres, "create table t (id int)");
        }

        assertThat(nested.resolve("PG_VERSION")).exists();
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> notes(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from survivor order by id")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
