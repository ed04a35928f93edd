package io.baseplane.app.workflow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for HTTP_CALL steps to call: paths under {@code /ok} and {@code /undo}
 * answer 200, under {@code /refuse} 400 (a refusal: the step fails and the run compensates), under
 * {@code /fail} 500 (technical: the saga retries, then parks). Under {@code /flaky} it answers 500 until
 * {@link #recover()} is called, 200 after; under {@code /slow} it answers 200 after {@link #slowFor}. Requests are
 * served concurrently. It remembers each request as "METHOD path", in arrival order, and the
 * {@code Idempotency-Key} each carried.
 */
final class LocalEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private volatile boolean recovered;
    private volatile Duration slowFor = Duration.ofSeconds(20);

    LocalEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            idempotencyKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            if (path.startsWith("/slow")) {
                sleep(slowFor);
            }
            exchange.sendResponseHeaders(statusFor(path), -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    long requestsTo(String path) {
        return requests.stream().filter(request -> request.endsWith(" " + path)).count();
    }

    List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeys);
    }

    /** From now on, {@code /flaky} paths answer 200. */
    void recover() {
        recovered = true;
    }

    void slowFor(Duration wait) {
        slowFor = wait;
    }

    private int statusFor(String path) {
        if (path.startsWith("/fail") || path.startsWith("/flaky") && !recovered) {
            return 500;
        }
        return path.startsWith("/refuse") ? 400 : 200;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
