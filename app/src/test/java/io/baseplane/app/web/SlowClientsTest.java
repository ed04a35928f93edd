package io.baseplane.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that send their request body a byte at a time cannot starve the server: a body nobody asked for (the
 * request was refused before) is not waited for, one address holds at most its share of the request threads
 * (one more request is 429 at once), and a body still incomplete after the read timeout is 408. Meanwhile
 * everyone else is served. Slow clients connect from 127.0.0.2, the test's own requests from 127.0.0.1.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "baseplane.web.requests-per-address=" + SlowClientsTest.PER_ADDRESS,
        "baseplane.web.body-read-timeout=2s",
        // Two hundred threads as in production, so that the slow clients would hold every one of them.
        "server.tomcat.threads.max=200",
        // Behind a trusted reverse proxy (here: 127.0.0.1), a client is the address its X-Forwarded-For names.
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class SlowClientsTest extends PlatformTestBase {

    static final int PER_ADDRESS = 16;
    private static final int SLOW_CLIENTS = 220;
    private static final String SLOW_ADDRESS = "127.0.0.2";

    private final List<Socket> slowClients = new ArrayList<>();
    private final Map<Socket, String> answered = new HashMap<>();

    @AfterEach
    void disconnectSlowClients() throws IOException {
        for (Socket client : slowClients) {
            client.close();
        }
    }

    @Test
    void unauthenticatedSlowBodiesAreRefusedAtOnceAndHoldNothing() throws IOException {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slowClients.add(startSlowBody(null));
        }

        assertServedPromptly();
        // Refused at once: 401, or 429 for those beyond the address's share while the others were answered.
        assertThat(answersOnce(answers -> !answers.containsKey("none")).keySet()).isSubsetOf("401", "429");
    }

    @Test
    void anAddressHoldsAtMostItsShareOfThreadsAndItsBodiesTimeOut() throws IOException {
        String token = tokens.operator();
        long before = events.count();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slowClients.add(startSlowBody(token));
        }

        assertServedPromptly();
        assertThat(answersOnce(answers -> answers.getOrDefault("429", 0) == SLOW_CLIENTS - PER_ADDRESS))
                .containsEntry("429", SLOW_CLIENTS - PER_ADDRESS);

        assertThat(answersOnce(answers -> !answers.containsKey("none")))
                .containsExactly(Map.entry("408", PER_ADDRESS), Map.entry("429", SLOW_CLIENTS - PER_ADDRESS));
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnShare() throws IOException {
        String token = tokens.operator();
        int beyondTheShare = 4;
        for (int i = 0; i < PER_ADDRESS + beyondTheShare; i++) {
            slowClients.add(startSlowBody(token, "127.0.0.1", "203.0.113.7"));
        }
        // All of them arrived: the client's share is held, the rest refused.
        assertThat(answersOnce(answers -> answers.getOrDefault("429", 0) == beyondTheShare))
                .containsEntry("429", beyondTheShare).containsEntry("none", PER_ADDRESS);

        Api.Response sameClient = api.header("X-Forwarded-For", "203.0.113.7").get("/actuator/health");
        Api.Response otherClient = api.header("X-Forwarded-For", "203.0.113.8").get("/actuator/health");

        assertThat(sameClient.status()).as(sameClient.toString()).isEqualTo(429);
        assertThat(otherClient.status()).as(otherClient.toString()).isEqualTo(200);
    }

    /** A POST announcing 400 bytes of which only the first arrives. */
    private Socket startSlowBody(String token) throws IOException {
        return startSlowBody(token, SLOW_ADDRESS, null);
    }

    private Socket startSlowBody(String token, String from, String forwardedFor) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        String head = "POST /api/v1/tenants HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 400\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n{";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private void assertServedPromptly() {
        long started = System.nanoTime();
        Api.Response health = api.get("/actuator/health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(health.status()).isEqualTo(200);
        assertThat(took).as("a request from another address while the slow ones wait").isLessThan(Duration.ofSeconds(2));
    }

    /** The answers once {@code expected} holds for them, or as they are after 15 s. */
    private Map<String, Integer> answersOnce(Predicate<Map<String, Integer>> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Integer> answers = answers();
        while (!expected.test(answers) && System.nanoTime() < deadline) {
            answers = answers();
        }
        return answers;
    }

    /** How many slow clients got which status so far ("none": no answer yet), as {@code status → count}. */
    private Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Socket client : slowClients) {
            String status = answered.containsKey(client) ? answered.get(client) : statusOf(client);
            if (!status.equals("none")) {
                answered.put(client, status);
            }
            counts.merge(status, 1, Integer::sum);
        }
        return counts;
    }

    /** The status code the server answered on this connection, reading its status line. */
    private static String statusOf(Socket client) {
        try {
            client.setSoTimeout(20);
            InputStream in = client.getInputStream();
            byte[] line = in.readNBytes(12);
            return line.length == 12 ? new String(line, 9, 3, StandardCharsets.US_ASCII) : "closed";
        } catch (SocketTimeoutException e) {
            return "none";
        } catch (IOException e) {
            return "closed";
        }
    }
}
