package io.baseplane.saga.airtable.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A local HTTP server on 127.0.0.1 speaking Airtable's shapes; each test scripts its answers. */
final class FakeAirtable implements AutoCloseable {

    /** One request as the server saw it; {@code query} is decoded. */
    record Seen(String method, String path, String query, String authorization, long atNanos) {
    }

    /** One scripted answer; {@code delayMillis} is slept before the headers go out. */
    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

        static Reply json(String body) {
            return new Reply(200, body, Map.of(), 0);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        Reply withHeader(String name, String value) {
            var h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, Map.copyOf(h), delayMillis);
        }

        Reply delayed(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Reply> script = seen -> Reply.status(404, "{\"error\":\"NOT_FOUND\"}");

    FakeAirtable() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(Function<Seen, Reply> script) {
        this.script = script;
    }

    List<Seen> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Seen seen = new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime());
            requests.add(seen);
            Reply reply = script.apply(seen);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
