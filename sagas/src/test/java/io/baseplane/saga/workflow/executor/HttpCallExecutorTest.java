package io.baseplane.saga.workflow.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.workflow.StepContext;
import io.baseplane.saga.workflow.StepOutcome;
import io.baseplane.saga.workflow.WorkflowProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP_CALL against a real local server: success; 5xx, 429, a slow server and no connection are technical (the
 * saga asks again); other 4xx and URLs that may not be called are refusals (the step fails and compensates).
 */
class HttpCallExecutorTest {

    private static final WorkflowRunId RUN = WorkflowRunId.random();

    // The local test server is on loopback, so this executor may reach internal addresses; the default may not.
    private final HttpCallExecutor executor = new HttpCallExecutor(
            new WorkflowProperties(Duration.ofSeconds(30), Duration.ofSeconds(2), null, null, true));
    private final HttpCallExecutor guarded = new HttpCallExecutor(
            new WorkflowProperties(Duration.ofSeconds(30), Duration.ofSeconds(2), null, null, false));
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8) + " key="
                        + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " step="
                        + exchange.getRequestHeaders().getFirst("X-Baseplane-Step"));
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        // "/status/418" answers 418.
        server.createContext("/status/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.sendResponseHeaders(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void a2xxAnswerIsSuccessWithTheStatusAsOutput() {
        StepOutcome outcome = executor.execute(context(Map.of("url", url("/ok?x=1"), "method", "POST",
                "body", "{\"order\":\"A-1\"}"), Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(StepOutcome.succeeded(Map.of("status", "201")));
        assertThat(outcome.technical()).isFalse();
        assertThat(received).containsExactly(
                "POST /ok?x=1 {\"order\":\"A-1\"} key=" + RUN + ":0 step=0");
    }

    @Test
    void withoutAMethodTheCallIsAGet() {
        assertThat(executor.execute(context(Map.of("url", url("/ok")), Duration.ofSeconds(5))).succeeded()).isTrue();
        assertThat(received).singleElement().asString().startsWith("GET /ok ");
    }

    @Test
    void aServerErrorIsATechnicalFailureNamingTheStatusButNotTheQuery() {
        StepOutcome outcome = executor.execute(context(Map.of("url", url("/broken?key=s3cr3t"), "method", "PUT"),
                Duration.ofSeconds(5)));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).as("worth asking again").isTrue();
        assertThat(outcome.reason()).isEqualTo("PUT 127.0.0.1:" + server.getAddress().getPort() + "/broken answered 503")
                .doesNotContain("s3cr3t");
    }

    @Test
    void serverErrorsAndTooManyRequestsAreTechnical() {
        for (int status : List.of(500, 502, 503, 504, 429)) {
            StepOutcome outcome = executor.execute(
                    context(Map.of("url", url("/status/" + status)), Duration.ofSeconds(5)));

            assertThat(outcome.succeeded()).as("%d", status).isFalse();
            assertThat(outcome.technical()).as("%d", status).isTrue();
            assertThat(outcome.reason()).as("%d", status).endsWith("/status/" + status + " answered " + status);
        }
    }

    @Test
    void otherClientErrorsAreRefusalsThatFailTheStep() {
        for (int status : List.of(400, 401, 403, 404, 409, 422)) {
            StepOutcome outcome = executor.execute(
                    context(Map.of("url", url("/status/" + status)), Duration.ofSeconds(5)));

            assertThat(outcome.succeeded()).as("%d", status).isFalse();
            assertThat(outcome.technical()).as("%d", status).isFalse();
            assertThat(outcome.reason()).as("%d", status).endsWith("/status/" + status + " answered " + status);
        }
    }

    @Test
    void aServerSlowerThanTheStepsTimeoutIsATechnicalFailure() {
        long started = System.nanoTime();
        StepOutcome outcome = executor.execute(context(Map.of("url", url("/slow")), Duration.ofSeconds(1)));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).isTrue();
        assertThat(outcome.reason()).endsWith("/slow timed out after 1s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void nothingListeningIsATechnicalFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StepOutcome outcome = executor.execute(context(Map.of("url", "http://127.0.0.1:" + closedPort + "/x"),
                Duration.ofSeconds(2)));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).isTrue();
        assertThat(outcome.reason()).isEqualTo("GET 127.0.0.1:" + closedPort + "/x failed: could not connect");
    }

    @Test
    void schemesOtherThanHttpAreRefusedWithoutACall() {
        for (String url : List.of("ftp://127.0.0.1/file", "file:///etc/passwd", "/relative", "jar:http://x!/y")) {
            StepOutcome outcome = executor.execute(context(Map.of("url", url), Duration.ofSeconds(1)));
            assertThat(outcome.succeeded()).as(url).isFalse();
            assertThat(outcome.technical()).as(url).isFalse();
            assertThat(outcome.reason()).as(url).startsWith("url must be an absolute http or https URL");
        }
        StepOutcome notAUrl = executor.execute(context(Map.of("url", "http://exa mple.com"), Duration.ofSeconds(1)));
        assertThat(notAUrl.reason()).isEqualTo("url is not a URL");
        assertThat(notAUrl.technical()).isFalse();
    }

    @Test
    void byDefaultInternalAddressesAreRefusedWithoutACall() {
        for (String url : List.of(url("/ok"), "http://localhost:" + server.getAddress().getPort() + "/ok",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://[::1]:" + server.getAddress().getPort() + "/ok", "http://[fd00::1]/",
                "http://0.0.0.0:" + server.getAddress().getPort() + "/ok", "http://100.100.100.200/",
                "http://198.18.0.1/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/")) {
            StepOutcome outcome = guarded.execute(context(Map.of("url", url), Duration.ofSeconds(1)));
            assertThat(outcome.succeeded()).as(url).isFalse();
            assertThat(outcome.technical()).as(url).isFalse();
            assertThat(outcome.reason()).as(url).contains("internal address");
        }
        assertThat(received).as("no request reached the local server").isEmpty();
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(InternalAddresses.isInternal(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(InternalAddresses.isInternal(java.net.InetAddress.getByName("2606:2800:220:1::248"))).isFalse();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static StepContext context(Map<String, String> parameters, Duration timeout) {
        return new StepContext(TenantId.random(), WorkspaceId.random(), RUN, 0, "Kundenanruf – Ü", false, parameters, timeout);
    }
}
