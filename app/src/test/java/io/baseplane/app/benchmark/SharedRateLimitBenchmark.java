package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SecondNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What the shared request budgets (docs/adr/0020) cost a request: GET /api/v1/workspaces/{id} throughput of three
 * nodes on one database, in one run: this test's node without rate limits (the baseline), a node with the default
 * settings (a node hands out a tenth of a budget from its own copy of the bucket, for at most 5 s) and a node
 * where every check is a transaction on the shared bucket ({@code unsynchronized-share=0}). In each round the nodes
 * are measured one right after the other, and each node's ratio to the baseline is taken within the round, so a
 * machine that drifts (other work, a warming JIT) moves numerator and denominator alike; the figure is the median of
 * the rounds' ratios.
 *
 * <p>Three loads: <em>one caller</em> (every sender with the same token: one hot bucket per budget, the best case), and
 * callers of one tenant in turn (request n from caller n mod callers): {@code bench.activeCallers} of them, each back
 * within a second, and {@code bench.callers}, each back only after longer than a node keeps its copy of a bucket, so
 * that every request reads and writes its caller's bucket in the database (the worst case). The budgets are raised so that nothing is refused: the figure is
 * the cost of an admitted request. Every node remembers all tokens it verified, as it would for callers that come
 * back within a minute. Also counts the database's committed transactions per request (pg_stat_database: all of
 * them, the nodes' background polling included).
 *
 * <p>Alone: {@code ./mvnw -B -o -pl app test -Dtest=SharedRateLimitBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark};
 * sizes: {@code bench.runs} (5), {@code bench.seconds} (5), {@code bench.warmup} (2), {@code bench.httpWarmup} (60),
 * {@code bench.threads} (16), {@code bench.activeCallers} (1,000), {@code bench.callers} (50,000). Report in {@code target/shared-rate-limit-benchmark.md}.
 */
@Tag("benchmark")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "logging.level.org.axonframework=WARN",
        "logging.level.io.baseplane=WARN",
        "baseplane.security.verified-tokens.max-size=100000",
        "baseplane.rate-limit.enabled=false"})
class SharedRateLimitBenchmark extends PlatformTestBase {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 2));
    private static final Duration HTTP_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.httpWarmup", 60));
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int ACTIVE_CALLERS = Integer.getInteger("bench.activeCallers", 1_000);
    private static final int CALLERS = Integer.getInteger("bench.callers", 50_000);

    private static final String OFF = "rate limits off";
    private static final Map<String, String> LIMITED = Map.of(
            "logging.level.org.axonframework", "WARN",
            "logging.level.io.baseplane", "WARN",
            "baseplane.security.verified-tokens.max-size", "100000",
            "server.port", "0",
            "baseplane.rate-limit.enabled", "true",
            "baseplane.rate-limit.per-caller", "100000000",
            "baseplane.rate-limit.per-tenant", "100000000");

    private static final List<SecondNode> nodes = new ArrayList<>();

    @Autowired
    private Environment environment;

    @AfterAll
    static void stopTheOtherNodes() {
        nodes.forEach(SecondNode::close);
        nodes.clear();
    }

    @Test
    void getThroughputWithSharedBudgetsAgainstNone() throws Exception {
        String tenant = createTenant("ENTERPRISE");
        String path = "/api/v1/workspaces/" + provisionWorkspace(tenant, "owner", "Queried");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(OFF, port);
        ports.put("shared, defaults", start("second-node", Map.of()).port());
        ports.put("shared, every check in the database", start("third-node",
                Map.of("baseplane.rate-limit.unsynchronized-share", "0")).port());

        Map<String, Map<String, Figures>> figures = new LinkedHashMap<>();
        for (int run = -1; run < RUNS; run++) {
            // Tokens live ten minutes: fresh ones each round. Round -1 warms the JIT up and is not counted.
            List<String> callers = IntStream.range(0, CALLERS)
                    .mapToObj(i -> tokens.tenantAdmin(tenant, "caller-" + i)).toList();
            Map<String, IntFunction<String>> loads = new LinkedHashMap<>();
            loads.put("one caller", n -> callers.get(0));
            loads.put(String.format(Locale.ROOT, "%,d callers in turn", ACTIVE_CALLERS), n -> callers.get(n % ACTIVE_CALLERS));
            loads.put(String.format(Locale.ROOT, "%,d callers in turn", CALLERS), n -> callers.get(n % CALLERS));
            for (Map.Entry<String, IntFunction<String>> load : loads.entrySet()) {
                Map<String, Figures> byNode = figures.computeIfAbsent(load.getKey(), key -> new LinkedHashMap<>());
                double baseline = Double.NaN;
                for (Map.Entry<String, Integer> node : ports.entrySet()) {
                    IntFunction<HttpRequest> requests =
                            n -> LoadClient.request(node.getValue(), path, load.getValue().apply(n)).GET().build();
                    if (run < 0) {
                        new LoadClient(THREADS, Duration.ZERO, HTTP_WARMUP.dividedBy(ports.size() * loads.size()))
                                .closedLoop(requests);
                        continue;
                    }
                    long committedBefore = committedTransactions();
                    LoadClient.Result result = new LoadClient(THREADS, WARMUP, MEASURED).closedLoop(requests);
                    long committed = committedTransactions() - committedBefore;
                    assertThat(result.errors()).as(load.getKey() + ", " + node.getKey() + ": " + result).isZero();
                    if (node.getKey().equals(OFF)) {
                        baseline = result.perSecond();
                    }
                    // Transactions of the whole window, warm-up included; the senders do the same thing throughout.
                    double sent = result.perSecond() * (WARMUP.toMillis() + MEASURED.toMillis()) / 1000.0;
                    Figures nodeFigures = byNode.computeIfAbsent(node.getKey(), key -> new Figures());
                    nodeFigures.perSecond.add(result.perSecond());
                    nodeFigures.ratios.add(result.perSecond() / baseline);
                    nodeFigures.transactions.add(committed / sent);
                    System.out.printf(Locale.ROOT, "run %d, %s, %s: %s, %.2f transactions/request%n", run,
                            load.getKey(), node.getKey(), result, committed / sent);
                }
            }
        }
        report(figures);
    }

    /** One node's figures under one load, a value per round. */
    private static final class Figures {
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> ratios = new ArrayList<>();
        final List<Double> transactions = new ArrayList<>();
    }

    private SecondNode start(String nodeId, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(LIMITED);
        all.putAll(settings);
        all.put("baseplane.axon.node-id", nodeId);
        SecondNode node = SecondNode.startOn(environment, all);
        nodes.add(node);
        return node;
    }

    private long committedTransactions() {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    private void report(Map<String, Map<String, Figures>> figures) throws Exception {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                # Shared request budgets: cost of an admitted request

                Date: %s · GET /api/v1/workspaces/{id}, %d senders; %d rounds of %d s each (after %d s warm-up) per \
                node and load, nodes one after the other within a round; ratio = the node's req/s over the baseline's \
                of the same round; medians over the rounds. %d processors.

                | Load | Node | req/s | ratio to rate limits off | DB transactions / request | rounds: req/s (ratio) |
                |---|---|---:|---:|---:|---|
                """, Instant.now(), THREADS, RUNS, MEASURED.toSeconds(), WARMUP.toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        figures.forEach((load, byNode) -> byNode.forEach((node, f) -> {
            List<String> rounds = new ArrayList<>();
            for (int i = 0; i < f.perSecond.size(); i++) {
                rounds.add(String.format(Locale.ROOT, "%s (%.2f)", BarsTable.number(f.perSecond.get(i)), f.ratios.get(i)));
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %s |%n", load, node,
                    BarsTable.number(BarsTable.median(f.perSecond)), BarsTable.median(f.ratios),
                    BarsTable.median(f.transactions), String.join(", ", rounds)));
        }));
        System.out.println(md);
        Path out = Path.of("target", "shared-rate-limit-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }
}
