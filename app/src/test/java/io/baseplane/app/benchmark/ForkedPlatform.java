package io.baseplane.app.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged platform ({@code java -jar baseplane.jar}) in a process of its own on a free port: how long
 * it takes until {@code /actuator/health} is UP, and its resident memory from {@code /proc/<pid>/status}.
 */
final class ForkedPlatform implements AutoCloseable {

    private final Process process;
    private final int port;
    private final double startupSeconds;

    private ForkedPlatform(Process process, int port, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    /** The test profile's token key, so the benchmark's tokens are accepted by the forked platform. */
    private static final String TEST_HMAC_SECRET = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seS1rZXk=";

    /**
     * Arguments that run the jar on {@code database} (not its embedded default), without rate limits (they would
     * measure the budgets, not the platform), accepting the test profile's tokens.
     */
    static List<String> onDatabase(BenchmarkDatabase database) {
        return List.of(
                "--spring.datasource.url=" + BenchmarkDatabase.SERVER + database.name(),
                "--spring.datasource.username=" + BenchmarkDatabase.USER,
                "--baseplane.embedded-postgres.enabled=false",
                "--baseplane.rate-limit.enabled=false",
                "--baseplane.security.hmac-secret=" + TEST_HMAC_SECRET);
    }

    /** Starts the jar with {@code args} (besides the port) and waits up to 120 s for health UP. */
    static ForkedPlatform start(Path jar, Path log, List<String> jvmOptions, List<String> args) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = start + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return new ForkedPlatform(process, port, (System.nanoTime() - start) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the platform was not UP within 120 s; see " + log);
    }

    int port() {
        return port;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** A line of /proc/<pid>/status in MiB: VmRSS (now) or VmHWM (peak). */
    double memoryMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
