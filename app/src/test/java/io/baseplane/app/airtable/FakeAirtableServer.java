package io.baseplane.app.airtable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Airtable's Web API as far as the sync saga uses it (the base schema, record pages with offsets), on
 * 127.0.0.1 inside the test JVM. One instance serves the whole run ({@link FakeAirtableInitializer} points
 * the platform at it); each test works on its own base, so tests and the client's per-base circuit breakers
 * do not meet. Records come {@value #PAGE_SIZE} a page so that a few records make several pages. An unknown
 * base answers 404, so runs of bases nobody set up fail fast.
 */
public final class FakeAirtableServer {

    /** The token configured under {@link #TOKEN_REF} in application-test.yml. */
    public static final String TOKEN = "pat-e2e-test-token";
    public static final String TOKEN_REF = "e2e-token";
    static final int PAGE_SIZE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static FakeAirtableServer instance;

    private final HttpServer server;
    private final Map<String, Base> bases = new ConcurrentHashMap<>();

    private FakeAirtableServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v0/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-airtable");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized FakeAirtableServer get() {
        if (instance == null) {
            try {
                instance = new FakeAirtableServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A new, empty base with an id of its own. */
    public Base newBase() {
        Base base = new Base(randomId("app"));
        bases.put(base.id, base);
        return base;
    }

    static String randomId(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 14; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** One base: its tables in order, each with its records by id; failures and holds scripted per page. */
    public static final class Base {

        public final String id;
        private final Map<String, String> tableNames = new LinkedHashMap<>();
        private final Map<String, Map<String, Map<String, Object>>> records = new ConcurrentHashMap<>();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

        private Base(String id) {
            this.id = id;
        }

        public synchronized Base table(String tableId, String name) {
            tableNames.put(tableId, name);
            records.put(tableId, new java.util.TreeMap<>());
            return this;
        }

        /** Adds or replaces a record. */
        public Base record(String tableId, String recordId, Map<String, Object> fields) {
            records.get(tableId).put(recordId, Map.copyOf(fields));
            return this;
        }

        Base delete(String tableId, String recordId) {
            records.get(tableId).remove(recordId);
            return this;
        }

        /** Page {@code page} (from 1) of the table answers with this HTTP status from now on. */
        Base failPage(String tableId, int page, int status) {
            failures.put(tableId + "#" + page, status);
            return this;
        }

        /** Page {@code page} of the table waits until the returned latch is counted down (at most 10 s). */
        public CountDownLatch holdPage(String tableId, int page) {
            CountDownLatch latch = new CountDownLatch(1);
            holds.put(tableId + "#" + page, latch);
            return latch;
        }

        private synchronized Map<String, Object> schema() {
            List<Object> tables = new ArrayList<>();
            tableNames.forEach((tableId, name) -> tables.add(Map.of("id", tableId, "name", name, "fields", List.of(
                    Map.of("id", "fld" + tableId.substring(3), "name", "Name", "type", "singleLineText")))));
            return Map.of("tables", tables);
        }

        private Reply page(String tableId, String offset) throws InterruptedException {
            Map<String, Map<String, Object>> table = records.get(tableId);
            if (table == null) {
                return new Reply(404, Map.of("error", Map.of("type", "TABLE_NOT_FOUND", "message", "Could not find table")));
            }
            int page = offset == null ? 1 : Integer.parseInt(offset.substring(1));
            CountDownLatch hold = holds.remove(tableId + "#" + page);
            if (hold != null) {
                hold.await(10, TimeUnit.SECONDS);
            }
            Integer failure = failures.get(tableId + "#" + page);
            if (failure != null) {
                return new Reply(failure, Map.of("error", Map.of("type", "SERVER_ERROR", "message", "Try again later")));
            }
            List<Map.Entry<String, Map<String, Object>>> all = new ArrayList<>(table.entrySet());
            int from = Math.min((page - 1) * PAGE_SIZE, all.size());
            int to = Math.min(from + PAGE_SIZE, all.size());
            List<Object> items = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> record : all.subList(from, to)) {
                items.add(Map.of("id", record.getKey(), "createdTime", "2026-01-02T03:04:05.000Z", "fields", record.getValue()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("records", items);
            if (to < all.size()) {
                body.put("offset", "p" + (page + 1));
            }
            return new Reply(200, body);
        }
    }

    private record Reply(int status, Object body) {
    }

    /** {@code /v0/meta/bases/{base}/tables} or {@code /v0/{base}/{table}?pageSize=100&offset=…}. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client gave up; nothing to answer.
        }
    }

    private Reply answer(HttpExchange exchange) throws InterruptedException {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Reply(401, Map.of("error", Map.of("type", "AUTHENTICATION_REQUIRED", "message", "Invalid token")));
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        boolean schema = path.length == 6 && path[2].equals("meta") && path[3].equals("bases") && path[5].equals("tables");
        Base base = bases.get(schema ? path[4] : path.length == 4 ? path[2] : "");
        if (base == null) {
            return new Reply(404, Map.of("error", "NOT_FOUND"));
        }
        return schema ? new Reply(200, base.schema()) : base.page(path[3], offset(exchange.getRequestURI().getQuery()));
    }

    private static String offset(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("offset=")) {
                return parameter.substring("offset=".length());
            }
        }
        return null;
    }
}
