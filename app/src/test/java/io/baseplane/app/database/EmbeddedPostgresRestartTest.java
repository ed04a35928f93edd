package io.baseplane.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    void aServerLeftRunningByAKilledPlatformIsStoppedAndTheNextStartSucceeds() throws Exception {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(data.resolve("postgres"), work, 0);
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresInAnotherProcess.class.getName(),
                properties.dataDirectory().toString(), work.toString())
                .redirectErrorStream(true).start();
        long orphanPid = -1;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(platform.getInputStream()))) {
            assertThat(output.lines().anyMatch("ready"::equals)).as("the other process started its PostgreSQL").isTrue();
            orphanPid = Long.parseLong(Files.readAllLines(properties.dataDirectory().resolve("postmaster.pid")).get(0));
            // kill -9 of the platform: its PostgreSQL stays, holding the data directory.
            platform.destroyForcibly().waitFor();
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
            long orphan = orphanPid;

            try (EmbeddedPostgres next = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
                assertThat(notes(next)).containsExactly("written before the crash");
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan")
                        .isNotEqualTo(Optional.of(true));
            }
        } finally {
            platform.destroyForcibly();
            // Should the test fail, it leaves no server behind on the machine.
            if (orphanPid > 0) {
                ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
            }
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
