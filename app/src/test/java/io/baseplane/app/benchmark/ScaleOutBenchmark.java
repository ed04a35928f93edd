package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * REST command throughput of the two layouts of issue 12 on one database, in one run, each of them the packaged jar
 * in processes of its own: one node with every role (the baseline), and two command nodes plus one processing node
 * ({@code baseplane.node.roles}), the senders spread over the two command nodes. The same 16 senders send
 * {@code PATCH /api/v1/workspaces/{id}} over the same 20 workspaces in both (failed requests are counted in the
 * report's notes); layouts are measured in turn (A, B, A, B…)
 * so that drift of the machine touches both alike. Every process shares this machine's cores: the figure says what
 * splitting the roles buys on one host, not what more hosts would.
 *
 * <p>{@code ./mvnw -B -Pbenchmarks -pl app -am verify -Dbench.tests=ScaleOutBenchmark}; sizes {@code bench.runs} (3),
 * {@code bench.seconds} (10), {@code bench.warmup} (20: each layout is fresh JVMs, so most of it is the JIT's), {@code bench.threads} (16). Report in
 * {@code target/scale-out-benchmark.md}.
 */
@Tag("benchmark")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScaleOutBenchmark extends PlatformTestBase {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final String JAR = System.getProperty("bench.jar", "");
    private static final int WORKSPACES = 20;

    @Test
    void commandThroughputOfOneFullNodeAndOfTwoCommandNodesWithAProcessingNode() throws Exception {
        assertThat(JAR).as("run through the benchmarks profile, which packages the jar first").isNotEmpty();
        Path logs = Path.of(System.getProperty("basedir", "."), "target", "bench-logs");
        List<Double> oneNode = new ArrayList<>();
        List<Double> split = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant started = Instant.now();
        try (BenchmarkDatabase database = BenchmarkDatabase.create("scaleout", 1)) {
            List<String> common = ForkedPlatform.onDatabase(database);
            String tenantId;
            List<String> workspaces;
            try (ForkedPlatform full = start(logs, "full-setup", common, "command,query,processing")) {
                tenantId = UUID.randomUUID().toString();
                workspaces = provision(Api.at(full.port()), tenantId);
            }
            String token = tokens.tenantAdmin(tenantId, "owner");
            for (int run = 0; run < RUNS; run++) {
                try (ForkedPlatform full = start(logs, "full-" + run, common, "command,query,processing")) {
                    LoadClient.Result result = patches(List.of(full.port()), workspaces, token);
                    oneNode.add(result.perSecond());
                    notes.add("Run " + (run + 1) + ", one node: " + result);
                }
                try (ForkedPlatform processing = start(logs, "processing-" + run, common, "processing");
                     ForkedPlatform first = start(logs, "command-a-" + run, common, "command");
                     ForkedPlatform second = start(logs, "command-b-" + run, common, "command")) {
                    LoadClient.Result result = patches(List.of(first.port(), second.port()), workspaces, token);
                    split.add(result.perSecond());
                    notes.add("Run " + (run + 1) + ", two command nodes + one processing node: " + result);
                }
            }
        }
        double baseline = BarsTable.median(oneNode);
        double scaled = BarsTable.median(split);
        String report = String.format(Locale.ROOT, """
                # Scale-out: REST command throughput by layout

                Date: %s · took %d s · %d senders, %d workspaces, %d s measured after %d s warm-up, %d runs (median)

                | Layout | PATCH /workspaces/{id} | Ratio to one node |
                |---|---:|---:|
                | One node, every role (baseline) | %,.0f req/s | 1.00 |
                | Two command nodes + one processing node | %,.0f req/s | %.2f |

                Runs: one node %s req/s; two command nodes + processing %s req/s.

                %s
                """, started, Duration.between(started, Instant.now()).toSeconds(), THREADS, WORKSPACES,
                MEASURED.toSeconds(), WARMUP.toSeconds(), RUNS, baseline, scaled, scaled / baseline,
                BarsTable.list(oneNode), BarsTable.list(split), String.join("\n", notes.stream().map(n -> "- " + n).toList()));
        Path out = Path.of(System.getProperty("basedir", "."), "target", "scale-out-benchmark.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static ForkedPlatform start(Path logs, String name, List<String> common, String roles) throws Exception {
        List<String> args = new ArrayList<>(common);
        args.add("--baseplane.node.roles=" + roles);
        args.add("--baseplane.axon.node-id=" + name);
        return ForkedPlatform.start(Path.of(JAR), logs.resolve("scale-out-" + name + ".log"), List.of(), args);
    }

    private List<String> provision(Api node, String tenantId) throws InterruptedException {
        Api.Response created = node.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Scale-out", "plan", "ENTERPRISE", "owner", "owner"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api owner = node.as(tokens.tenantAdmin(tenantId, "owner"));
        List<String> workspaces = new ArrayList<>();
        for (int i = 0; i < WORKSPACES; i++) {
            String id = UUID.randomUUID().toString();
            Api.Response accepted = owner.post("/api/v1/tenants/" + tenantId + "/workspaces",
                    Map.of("id", id, "name", "Scale-out " + i, "description", "benchmark"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            workspaces.add(id);
        }
        for (String id : workspaces) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (owner.get("/api/v1/workspaces/" + id).status() != 200) {
                assertThat(System.nanoTime()).as("workspace %s provisioned", id).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        return workspaces;
    }

    private static LoadClient.Result patches(List<Integer> ports, List<String> workspaces, String token)
            throws Exception {
        // A workspace's commands go to one node, as behind a load balancer with affinity: two nodes racing for one
        // aggregate would measure the retries of ADR 0017, not the layout.
        IntFunction<HttpRequest> patch = n -> LoadClient.request(ports.get(n % workspaces.size() % ports.size()),
                        "/api/v1/workspaces/" + workspaces.get(n % workspaces.size()), token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"d" + n + "\"}"))
                .build();
        return new LoadClient(THREADS, WARMUP, MEASURED).closedLoop(patch);
    }
}
