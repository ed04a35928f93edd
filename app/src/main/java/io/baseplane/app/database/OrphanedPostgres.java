package io.baseplane.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a platform that was killed ({@code kill -9}) keeps running on its data directory, and
 * its lock file then stops the next start. Before a start, such a server, named by the data directory's
 * {@code postmaster.pid} and still alive as a {@code postgres} process, is shut down (terminated; killed should it
 * not end within a few seconds), so the next start begins cleanly every time.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final long PATIENCE_SECONDS = 15;

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Optional<ProcessHandle> orphan = serverOf(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("An embedded PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", server.pid(),
                dataDirectory.toAbsolutePath());
        server.destroy();
        if (!ended(server)) {
            server.destroyForcibly();
            ended(server);
        }
    }

    private static Optional<ProcessHandle> serverOf(Path dataDirectory) {
        Path lock = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(lock) ? Files.readAllLines(lock) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    private static boolean ended(ProcessHandle server) {
        try {
            server.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !server.isAlive();
        }
    }
}
