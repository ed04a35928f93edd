package io.baseplane.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ops API as the CLI sees it: canned answers per method and path, and a record of every request. Answers
 * given in turn are served one per request, the last one repeated.
 */
final class FakeApi implements AutoCloseable {

    /** @param headers by name, whatever its case */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeApi start() throws IOException {
        return new FakeApi();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeApi answer(String method, String path, String... jsonInTurn) {
        for (String json : jsonInTurn) {
            add(method, path, new Answer(200, "application/json", json, Map.of()));
        }
        return this;
    }

    FakeApi answerAccepted(String method, String path, String location, String json) {
        return add(method, path, new Answer(202, "application/json", json, Map.of("Location", location)));
    }

    FakeApi answerNoContent(String method, String path) {
        return add(method, path, new Answer(204, null, "", Map.of()));
    }

    FakeApi answerProblem(String method, String path, int status, String problemJson) {
        return add(method, path, new Answer(status, "application/problem+json", problemJson, Map.of()));
    }

    FakeApi answerRaw(String method, String path, int status, String contentType, String body) {
        return add(method, path, new Answer(status, contentType, body, Map.of()));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private FakeApi add(String method, String path, Answer answer) {
        answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(answer);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        requests.add(new Request(method, path, exchange.getRequestURI().getQuery(), headers, body));
        Deque<Answer> queue = answers.get(method + " " + path);
        Answer answer = queue == null ? new Answer(404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"fake API has no " + method + " " + path + "\"}",
                Map.of())
                : queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
