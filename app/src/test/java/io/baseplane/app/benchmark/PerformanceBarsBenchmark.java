package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.workspace.WorkspaceViewProjector;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bars of design section 8 (docs/benchmarks.md), each against a baseline measured in the same run on
 * the same PostgreSQL: the platform in its own context on a random port (production snapshot threshold,
 * no rate limits) with two trivial authenticated endpoints that exist only in this test context, and the
 * packaged jar forked for startup time and resident memory.
 *
 * <p>Phases, in order: command latency on an (almost) empty store; query throughput; REST command
 * throughput and p99 at half of peak; in-process command append at 1 and 8 senders; 1,000,000 events
 * seeded by batched JDBC (aggregates of 10,000 events) and command latency again; rebuild of the
 * workspace view, platform processor against raw read + deserialise + batched upsert; startup and RSS of
 * the forked jar. Tagged {@code benchmark}; run by the {@code benchmarks} Maven profile (README).
 *
 * <p>Sizes by system property: {@code bench.events} (1,000,000), {@code bench.aggregateEvents} (10,000),
 * {@code bench.runs} (3), {@code bench.seconds} (measured seconds per load run, 10), {@code bench.warmup}
 * (seconds before each load run, 3), {@code bench.httpWarmup} (seconds of mixed HTTP load before the first
 * measured run, 30), {@code bench.threads} (HTTP senders, 16), {@code bench.rebuildRuns} (1),
 * {@code bench.rebuildLimit} (seconds after which the platform rebuild is cut and extrapolated, 300),
 * {@code bench.starts} (3), {@code bench.rssJvm} (JVM options of the second memory figure, comma-separated,
 * -Xmx256m), {@code bench.phases} (a subset of latency,query,rest,append,rebuild,forked, e.g. to profile
 * one), {@code bench.jar} (the packaged jar; without it startup and RSS are skipped).
 */
@Tag("benchmark")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(PerformanceBarsBenchmark.Baselines.class)
@TestPropertySource(properties = {
        "logging.level.org.axonframework=WARN",
        "logging.level.io.baseplane=WARN",
        "baseplane.axon.snapshot-threshold=100",
        "baseplane.rate-limit.enabled=false"})
class PerformanceBarsBenchmark extends PlatformTestBase {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int AGGREGATE_EVENTS = Integer.getInteger("bench.aggregateEvents", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    private static final Duration HTTP_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.httpWarmup", 30));
    private static final int HTTP_THREADS = Integer.getInteger("bench.threads", 16);
    private static final int REBUILD_RUNS = Integer.getInteger("bench.rebuildRuns", 1);
    private static final Duration REBUILD_LIMIT = Duration.ofSeconds(Integer.getInteger("bench.rebuildLimit", 300));
    private static final int STARTS = Integer.getInteger("bench.starts", 3);
    private static final String JAR = System.getProperty("bench.jar", "");
    private static final List<String> RSS_JVM = List.of(System.getProperty("bench.rssJvm", "-Xmx256m").split(","));
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases",
            "latency,query,rest,append,rebuild,forked").split(","));
    private static final int LATENCY_AGGREGATES = 100;
    private static final int LATENCY_COMMANDS = 300;
    private static final int REBUILD_BATCH = 500;
    private static final int REBUILD_SEGMENTS = 2;
    private static final String RAW_TABLE = "bench_raw_event";

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TokenStore tokenStore;

    @Autowired
    private WorkspaceViewProjector projector;

    @Autowired
    private DataSource dataSource;

    private final BarsTable table = new BarsTable();
    private final List<String> notes = new ArrayList<>();
    private TenantId tenant;
    private String adminToken;

    @Test
    void barsOfDesignSection8() throws Exception {
        Instant started = Instant.now();
        double loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        jdbc.execute("create table " + RAW_TABLE + " (like domain_event_entry including all)");
        tenant = TenantId.of(createTenant("ENTERPRISE"));
        adminToken = tokens.tenantAdmin(tenant.toString(), "owner");
        assertThat(api.get("/api/v1/bench/trivial").status()).as("the baseline endpoints need a token")
                .isEqualTo(401);
        String queried = provisionWorkspace(tenant.toString(), "owner", "Queried");

        double emptyP50 = phase("latency") ? emptyStoreLatency() : Double.NaN;
        List<WorkspaceId> patched = createWorkspaces(LATENCY_AGGREGATES, "Patched");
        if (phase("query") || phase("rest")) {
            warmUpHttp(queried, patched);
        }
        if (phase("query")) {
            queries(queried);
        }
        if (phase("rest")) {
            restCommands(patched);
            awaitProcessors(Duration.ofMinutes(3));
        }
        if (phase("append")) {
            // The append path alone: the processors' reactions (views, sagas) are measured by other figures.
            List<StreamingEventProcessor> processors = streamingProcessors();
            processors.forEach(EventProcessor::shutDown);
            commandAppends(1);
            commandAppends(8);
            processors.forEach(EventProcessor::start);
            awaitProcessors(Duration.ofMinutes(3));
        }
        if (phase("latency") || phase("rebuild")) {
            streamingProcessors().forEach(EventProcessor::shutDown);
            List<WorkspaceId> seeded = seed();
            if (phase("latency")) {
                historyLatency(seeded, emptyP50);
            }
            if (phase("rebuild")) {
                rebuild();
            }
        }
        if (phase("forked")) {
            if (!JAR.isEmpty() && Files.exists(Path.of(JAR))) {
                forked(Path.of(JAR));
            } else {
                notes.add("Startup and RSS not measured: no packaged jar (bench.jar=" + JAR + ").");
            }
        }
        jdbc.execute("drop table if exists " + RAW_TABLE + ", bench_workspace_view, bench_workspace_member_view");

        Duration took = Duration.between(started, Instant.now());
        System.out.println();
        System.out.println(table.text());
        notes.forEach(System.out::println);
        Path report = Path.of(System.getProperty("bench.report",
                Path.of(System.getProperty("basedir", "."), "..", "docs", "benchmarks.md").toString()));
        Files.writeString(report, markdown(loadAtStart, took));
        System.out.printf(Locale.ROOT, "Took %ds; written to %s%n", took.toSeconds(),
                report.toAbsolutePath().normalize());
    }

    private static boolean phase(String name) {
        return PHASES.contains(name);
    }

    // ---------------------------------------------------------------- command latency (empty store, history)

    private double emptyStoreLatency() throws Exception {
        List<StreamingEventProcessor> processors = streamingProcessors();
        processors.forEach(EventProcessor::shutDown);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        List<WorkspaceId> workspaces = createWorkspaces(LATENCY_AGGREGATES, "Empty");
        List<Double> p50s = latencyRuns(workspaces);
        processors.forEach(EventProcessor::start);
        double p50 = BarsTable.median(p50s);
        table.runs("Command p50, empty store [ms]", BarsTable.list(p50s));
        notes.add(String.format(Locale.ROOT, "Empty store: %d events before its %d workspaces were created.",
                events, LATENCY_AGGREGATES));
        return p50;
    }

    private void historyLatency(List<WorkspaceId> seeded, double emptyP50) throws Exception {
        List<Double> p50s = latencyRuns(seeded);
        double p50 = BarsTable.median(p50s);
        table.runs("Command p50, 1M events [ms]", BarsTable.list(p50s));
        System.out.println("command p50 with history: " + p50s + " ms; empty store: " + emptyP50 + " ms");
        double ratio = p50 / emptyP50;
        table.row(String.format(Locale.ROOT, "Command latency p50, %,d events / %,d-event aggregates vs empty store",
                        EVENTS, AGGREGATE_EVENTS), BarsTable.number(p50) + " ms", BarsTable.number(emptyP50) + " ms",
                String.format(Locale.ROOT, "%.2f", ratio), "≤ 1.20", ratio <= 1.2);
    }

    /** Sequential in-process UpdateWorkspaceDetails commands round-robin over the workspaces. */
    private List<Double> latencyRuns(List<WorkspaceId> workspaces) {
        // Warm-up: every aggregate loaded (and snapshotted) at least twice.
        for (int i = 0; i < 2 * workspaces.size(); i++) {
            describe(workspaces.get(i % workspaces.size()), "warm " + i);
        }
        List<Double> p50s = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            double[] millis = new double[LATENCY_COMMANDS];
            for (int i = 0; i < LATENCY_COMMANDS; i++) {
                long start = System.nanoTime();
                describe(workspaces.get(i % workspaces.size()), "run " + run + " " + i);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            java.util.Arrays.sort(millis);
            p50s.add(millis[millis.length / 2]);
        }
        return p50s;
    }

    private void describe(WorkspaceId workspace, String description) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new UpdateWorkspaceDetailsCommand(workspace, null, description, null)).andMetaData(caller()));
    }

    private List<WorkspaceId> createWorkspaces(int count, String prefix) {
        List<WorkspaceId> workspaces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workspaces.add(createWorkspace(prefix));
        }
        return workspaces;
    }

    private WorkspaceId createWorkspace(String prefix) {
        WorkspaceId id = WorkspaceId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new CreateWorkspaceCommand(id, tenant, prefix + " " + id, "benchmark", OWNER)).andMetaData(caller()));
        return id;
    }

    private static final UserId OWNER = UserId.of("owner");

    private Map<String, String> caller() {
        return Map.of(MetaDataKeys.USER_ID, "owner", MetaDataKeys.TENANT_ID, tenant.toString(),
                MetaDataKeys.ROLES, "TENANT_ADMIN");
    }

    // ---------------------------------------------------------------- HTTP: queries and REST commands

    /** The JIT compiles the HTTP paths before the first measured run: every request kind, mixed. */
    private void warmUpHttp(String queried, List<WorkspaceId> patched) throws Exception {
        LoadClient.Result warm = new LoadClient(HTTP_THREADS, Duration.ZERO, HTTP_WARMUP).closedLoop(n -> {
            switch (n % 4) {
                case 0:
                    return get("/api/v1/workspaces/" + queried);
                case 1:
                    return get("/api/v1/bench/trivial");
                case 2:
                    return patch(patched.get(n % patched.size()), n);
                default:
                    return post("/api/v1/bench/raw-insert");
            }
        });
        System.out.println("HTTP warm-up: " + warm);
        awaitProcessors(Duration.ofMinutes(1));
    }

    private void queries(String workspaceId) throws Exception {
        LoadClient client = new LoadClient(HTTP_THREADS, WARMUP, MEASURED);
        List<Double> platform = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            LoadClient.Result query = client.closedLoop(n -> get("/api/v1/workspaces/" + workspaceId));
            LoadClient.Result trivial = client.closedLoop(n -> get("/api/v1/bench/trivial"));
            requireNoErrors(query, "GET /workspaces/{id}");
            requireNoErrors(trivial, "GET trivial");
            platform.add(query.perSecond());
            p95s.add(query.percentile(95));
            baseline.add(trivial.perSecond());
            System.out.println("query run " + run + ": " + query + " | trivial: " + trivial);
        }
        double perSecond = BarsTable.median(platform);
        double trivial = BarsTable.median(baseline);
        double p95 = BarsTable.median(p95s);
        table.row("Query GET /workspaces/{id} throughput", BarsTable.number(perSecond) + " req/s",
                BarsTable.number(trivial) + " req/s (trivial GET)",
                String.format(Locale.ROOT, "%.2f", perSecond / trivial), "≥ 5,000 req/s", perSecond >= 5_000);
        table.row("Query GET /workspaces/{id} p95 at " + HTTP_THREADS + " senders", BarsTable.number(p95) + " ms", "",
                "", "< 10 ms", p95 < 10);
        table.runs("Query [req/s]", BarsTable.list(platform));
        table.runs("Query p95 [ms]", BarsTable.list(p95s));
        table.runs("Trivial GET [req/s]", BarsTable.list(baseline));
    }

    private void restCommands(List<WorkspaceId> workspaces) throws Exception {
        LoadClient client = new LoadClient(HTTP_THREADS, WARMUP, MEASURED);
        List<Double> platform = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            LoadClient.Result patch = client.closedLoop(n -> patch(workspaces.get(n % workspaces.size()), n));
            LoadClient.Result raw = client.closedLoop(n -> post("/api/v1/bench/raw-insert"));
            requireNoErrors(patch, "PATCH /workspaces/{id}");
            requireNoErrors(raw, "POST raw insert");
            platform.add(patch.perSecond());
            baseline.add(raw.perSecond());
            System.out.println("REST command run " + run + ": " + patch + " | raw insert: " + raw);
        }
        double peak = BarsTable.median(platform);
        table.ratio("REST command throughput (PATCH /workspaces/{id}, " + HTTP_THREADS + " senders) vs raw-JDBC "
                + "endpoint", peak, BarsTable.median(baseline), "req/s", 0.60);
        table.runs("REST command [req/s]", BarsTable.list(platform));
        table.runs("Raw-insert endpoint [req/s]", BarsTable.list(baseline));
        restCommandsAlone(client, workspaces, BarsTable.median(baseline));

        List<Double> p99s = new ArrayList<>();
        double half = peak / 2;
        for (int run = 0; run < RUNS; run++) {
            LoadClient.Result paced = client.openLoop(n -> patch(workspaces.get(n % workspaces.size()), n), half);
            requireNoErrors(paced, "PATCH at half of peak");
            p99s.add(paced.percentile(99));
            System.out.println("REST command at half of peak, run " + run + ": " + paced);
        }
        double p99 = BarsTable.median(p99s);
        table.row(String.format(Locale.ROOT, "REST command p99 at half of peak (%,.0f req/s, open loop)", half),
                BarsTable.number(p99) + " ms", "", "", "≤ 50 ms", p99 <= 50);
        table.runs("REST command p99 at half of peak [ms]", BarsTable.list(p99s));
    }

    /**
     * Diagnostic, not a bar: the same PATCH load with every streaming processor paused, i.e. the command
     * side alone, as on a node that runs no views or sagas (docs/adr/0013). Against the same raw baseline.
     */
    private void restCommandsAlone(LoadClient client, List<WorkspaceId> workspaces, double rawBaseline)
            throws Exception {
        List<StreamingEventProcessor> processors = streamingProcessors();
        processors.forEach(EventProcessor::shutDown);
        List<Double> alone = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                LoadClient.Result patch = client.closedLoop(n -> patch(workspaces.get(n % workspaces.size()), n));
                requireNoErrors(patch, "PATCH /workspaces/{id}, processors paused");
                alone.add(patch.perSecond());
                System.out.println("REST command run " + run + ", processors paused: " + patch);
            }
        } finally {
            processors.forEach(EventProcessor::start);
        }
        table.ratio("REST command throughput, event processors paused (command side alone; diagnostic)",
                BarsTable.median(alone), rawBaseline, "req/s", Double.NaN);
        table.runs("REST command, processors paused [req/s]", BarsTable.list(alone));
        awaitProcessors(Duration.ofMinutes(3));
    }

    private HttpRequest get(String path) {
        return LoadClient.request(port, path, adminToken).GET().build();
    }

    private HttpRequest post(String path) {
        return LoadClient.request(port, path, adminToken).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpRequest patch(WorkspaceId workspace, int n) {
        return LoadClient.request(port, "/api/v1/workspaces/" + workspace, adminToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"d" + n + "\"}")).build();
    }

    private static void requireNoErrors(LoadClient.Result result, String what) {
        assertThat(result.errors()).as(what + ": " + result).isZero();
        assertThat(result.requests()).as(what).isPositive();
    }

    // ---------------------------------------------------------------- in-process command append vs raw JDBC

    private void commandAppends(int senders) throws Exception {
        Serializer serializer = axon.eventSerializer();
        List<Double> platform = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        sendersFor(senders, WARMUP, () -> createWorkspace("Append"));
        sendersFor(senders, WARMUP, () -> rawInsert(serializer));
        for (int run = 0; run < RUNS; run++) {
            platform.add(sendersFor(senders, MEASURED, () -> createWorkspace("Append")));
            baseline.add(sendersFor(senders, MEASURED, () -> rawInsert(serializer)));
            System.out.printf(Locale.ROOT, "append, %d senders, run %d: %,.0f commands/s | raw %,.0f inserts/s%n",
                    senders, run, platform.get(run), baseline.get(run));
        }
        table.ratio("Command append, in-process, " + senders + (senders == 1 ? " sender" : " senders")
                        + " vs raw JDBC insert+commit", BarsTable.median(platform), BarsTable.median(baseline), "/s",
                senders == 8 ? 0.50 : 0.0);
        table.runs("Command append, " + senders + " senders [/s]", BarsTable.list(platform));
        table.runs("Raw insert+commit, " + senders + " senders [/s]", BarsTable.list(baseline));
    }

    /** The event a CreateWorkspaceCommand appends, as one row in a copy of the event table, committed. */
    private void rawInsert(Serializer serializer) {
        WorkspaceId id = WorkspaceId.random();
        SerializedObject<byte[]> payload = serializer.serialize(
                new WorkspaceCreated(id, tenant, "Raw " + id, "benchmark"), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(caller()), byte[].class);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(insertInto(RAW_TABLE))) {
                bindEvent(insert, id.toString(), 0, payload, metaData);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Operations per second of {@code senders} threads each repeating {@code operation} for {@code time}. */
    private static double sendersFor(int senders, Duration time, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch ready = new CountDownLatch(senders);
        AtomicLong done = new AtomicLong();
        long[] window = new long[1];
        try {
            List<Future<?>> workers = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < senders; t++) {
                workers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    while (System.nanoTime() < window[0]) {
                        operation.run();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            window[0] = start + time.toNanos();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            return done.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- seeding 1M events

    /**
     * {@code bench.events} events in aggregates of {@code bench.aggregateEvents}: WorkspaceCreated, the owner's
     * MemberAdded, then WorkspaceDescriptionChanged; interleaved round-robin, inserted in JDBC batches.
     */
    private List<WorkspaceId> seed() throws Exception {
        Serializer serializer = axon.eventSerializer();
        int aggregates = Math.max(1, EVENTS / AGGREGATE_EVENTS);
        List<WorkspaceId> workspaces = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            workspaces.add(WorkspaceId.random());
        }
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(caller()), byte[].class);
        long start = System.nanoTime();
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        try (Connection connection = DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(insertInto("domain_event_entry"))) {
                int inBatch = 0;
                for (int sequence = 0; sequence < AGGREGATE_EVENTS; sequence++) {
                    for (WorkspaceId workspace : workspaces) {
                        Object event = sequence == 0
                                ? new WorkspaceCreated(workspace, tenant, "Seeded " + workspace, "seeded")
                                : sequence == 1
                                ? new MemberAdded(workspace, tenant, UserId.of("owner"), WorkspaceRole.OWNER)
                                : new WorkspaceDescriptionChanged(workspace, tenant, "description " + sequence);
                        bindEvent(insert, workspace.toString(), sequence, serializer.serialize(event, byte[].class),
                                metaData);
                        insert.addBatch();
                        if (++inBatch == 2_000) {
                            insert.executeBatch();
                            connection.commit();
                            inBatch = 0;
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("analyze domain_event_entry");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        notes.add(String.format(Locale.ROOT, "Seeded %,d events (%d aggregates × %,d) by batched JDBC in %.1f s; "
                + "%,d events in the store afterwards.", (long) aggregates * AGGREGATE_EVENTS, aggregates,
                AGGREGATE_EVENTS, seconds, total));
        System.out.println(notes.get(notes.size() - 1));
        return workspaces;
    }

    private static String insertInto(String table) {
        return "insert into " + table + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bindEvent(PreparedStatement insert, String aggregate, long sequence,
                                  SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData)
            throws java.sql.SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregate);
        insert.setLong(3, sequence);
        insert.setString(4, "Workspace");
        insert.setString(5, Instant.now().toString());
        insert.setString(6, payload.getType().getName());
        insert.setString(7, payload.getType().getRevision());
        insert.setBytes(8, payload.getData());
        insert.setBytes(9, metaData.getData());
    }

    // ---------------------------------------------------------------- projection rebuild

    private void rebuild() throws Exception {
        long head = eventStore.createHeadToken().position().orElse(-1);
        long first = jdbc.queryForObject("select min(global_index) from domain_event_entry", Long.class);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        jdbc.execute("create table bench_workspace_view (like workspace_view including all)");
        jdbc.execute("create table bench_workspace_member_view (like workspace_member_view including all)");
        List<Double> platform = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> platformSeconds = new ArrayList<>();
        for (int run = 0; run < REBUILD_RUNS; run++) {
            double rawSeconds = rawRebuild();
            raw.add(events / rawSeconds);
            double seconds = platformRebuild("r" + run, head);
            platformSeconds.add(seconds);
            platform.add(events / seconds);
            System.out.printf(Locale.ROOT, "rebuild run %d: platform %.1f s, raw %.1f s for %,d events%n", run,
                    seconds, rawSeconds, events);
        }
        long views = jdbc.queryForObject("select count(*) from workspace_view", Long.class);
        long rawViews = jdbc.queryForObject("select count(*) from bench_workspace_view", Long.class);
        assertThat(views).as("the raw rebuild made the same workspaces").isEqualTo(rawViews);
        table.ratio(String.format(Locale.ROOT, "Projection rebuild of %,d events (workspace-view, batch %d × %d "
                + "segments) vs raw read+deserialise+batched upsert", events, REBUILD_BATCH, REBUILD_SEGMENTS),
                BarsTable.median(platform), BarsTable.median(raw), "events/s", 0.50);
        double seconds = BarsTable.median(platformSeconds) * 1_000_000 / events;
        table.row("Projection rebuild, time for 1,000,000 events", BarsTable.number(seconds) + " s"
                        + (events == 1_000_000 ? "" : String.format(Locale.ROOT, " (scaled from %,d)", events)),
                "", "", "< 60 s", seconds < 60);
        table.runs("Rebuild platform [events/s]", BarsTable.list(platform));
        table.runs("Rebuild raw [events/s]", BarsTable.list(raw));
        assertThat(first).isPositive();
    }

    private double platformRebuild(String run, long head) throws Exception {
        jdbc.execute("truncate workspace_member_view, workspace_view");
        ExecutorService[] executors = new ExecutorService[2];
        PooledStreamingEventProcessor processor = RebuildProcessors.workspaceView(
                "bench-bars-workspace-view-" + run, REBUILD_BATCH, REBUILD_SEGMENTS, projector, axon, eventStore,
                tokenStore, processing.transactionManager(ReadModelGroups.WORKSPACE_VIEW), executors);
        System.gc();
        long start = System.nanoTime();
        processor.start();
        try {
            long deadline = start + REBUILD_LIMIT.toNanos();
            while (!RebuildProcessors.caughtUp(processor.processingStatus(), REBUILD_SEGMENTS, head)) {
                if (System.nanoTime() > deadline) {
                    long passed = processor.processingStatus().values().stream()
                            .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    notes.add(String.format(Locale.ROOT, "Platform rebuild cut after %.0f s at global index %,d of "
                            + "%,d; its time is extrapolated from that rate.", seconds, passed, head));
                    return seconds * head / Math.max(1, passed);
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            processor.shutDown();
            RebuildProcessors.shutDown(executors);
            jdbc.update("delete from token_entry where processor_name = ?", "bench-bars-workspace-view-" + run);
        }
    }

    /**
     * The same view by hand: every event in global index order (a server-side cursor, 1,000 rows a fetch),
     * payload deserialised with Jackson; per batch of 500 events the changes are merged in memory (as the
     * projector's JPA session merges them) and written as batched inserts and one update per changed
     * workspace, in one transaction.
     */
    private double rawRebuild() throws Exception {
        jdbc.execute("truncate bench_workspace_member_view, bench_workspace_view");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Class<?>> types = new HashMap<>();
        System.gc();
        long start = System.nanoTime();
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            read.setAutoCommit(false);
            write.setAutoCommit(false);
            try (PreparedStatement select = read.prepareStatement("select payload_type, payload, sequence_number, "
                    + "time_stamp from domain_event_entry order by global_index");
                 PreparedStatement created = write.prepareStatement("insert into bench_workspace_view (workspace_id, "
                         + "tenant_id, name, description, status, member_count, created_at, last_active_at, version) "
                         + "values (?, ?, ?, ?, 'ACTIVE', 0, ?, ?, ?) on conflict (workspace_id) do nothing");
                 PreparedStatement member = write.prepareStatement("insert into bench_workspace_member_view "
                         + "(workspace_id, user_id, role, since) values (?, ?, ?, ?) on conflict do nothing");
                 PreparedStatement changed = write.prepareStatement("update bench_workspace_view set description "
                         + "= coalesce(?, description), member_count = member_count + ?, last_active_at = ?, "
                         + "version = ? where workspace_id = ? and version < ?")) {
                select.setFetchSize(1_000);
                Map<UUID, RawChange> changes = new HashMap<>();
                int inBatch = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Class<?> type = types.computeIfAbsent(rows.getString(1), PerformanceBarsBenchmark::load);
                        long sequence = rows.getLong(3);
                        Timestamp at = Timestamp.from(Instant.parse(rows.getString(4)));
                        if (type == WorkspaceCreated.class) {
                            WorkspaceCreated event = json.readValue(rows.getBytes(2), WorkspaceCreated.class);
                            created.setObject(1, event.workspaceId().value());
                            created.setObject(2, event.tenantId().value());
                            created.setString(3, event.name());
                            created.setString(4, event.description() == null ? "" : event.description());
                            created.setTimestamp(5, at);
                            created.setTimestamp(6, at);
                            created.setLong(7, sequence);
                            created.addBatch();
                        } else if (type == WorkspaceDescriptionChanged.class) {
                            WorkspaceDescriptionChanged event = json.readValue(rows.getBytes(2),
                                    WorkspaceDescriptionChanged.class);
                            changes.computeIfAbsent(event.workspaceId().value(), id -> new RawChange())
                                    .applied(sequence, at).description = event.description();
                        } else if (type == MemberAdded.class) {
                            MemberAdded event = json.readValue(rows.getBytes(2), MemberAdded.class);
                            member.setObject(1, event.workspaceId().value());
                            member.setString(2, event.userId().toString());
                            member.setString(3, event.role().name());
                            member.setTimestamp(4, at);
                            member.addBatch();
                            changes.computeIfAbsent(event.workspaceId().value(), id -> new RawChange())
                                    .applied(sequence, at).members++;
                        } else {
                            continue;
                        }
                        if (++inBatch == REBUILD_BATCH) {
                            flush(write, created, member, changed, changes);
                            inBatch = 0;
                        }
                    }
                }
                flush(write, created, member, changed, changes);
            }
            read.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Creations first, so that the batch's updates find their rows; then one update per changed workspace. */
    private static void flush(Connection write, PreparedStatement created, PreparedStatement member,
                              PreparedStatement changed, Map<UUID, RawChange> changes) throws java.sql.SQLException {
        created.executeBatch();
        member.executeBatch();
        for (Map.Entry<UUID, RawChange> change : changes.entrySet()) {
            RawChange value = change.getValue();
            changed.setString(1, value.description);
            changed.setInt(2, value.members);
            changed.setTimestamp(3, value.at);
            changed.setLong(4, value.version);
            changed.setObject(5, change.getKey());
            changed.setLong(6, value.version);
            changed.addBatch();
        }
        changed.executeBatch();
        changes.clear();
        write.commit();
    }

    /** What a batch of events changed in one workspace row. */
    private static final class RawChange {
        private String description;
        private int members;
        private Timestamp at;
        private long version;

        RawChange applied(long sequence, Timestamp when) {
            version = Math.max(version, sequence);
            at = when;
            return this;
        }
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            return Void.class;
        }
    }

    // ---------------------------------------------------------------- processors

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** Until every running streaming processor has caught up with the head of the store. */
    private void awaitProcessors(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long head = eventStore.createHeadToken().position().orElse(-1);
            boolean all = streamingProcessors().stream().filter(StreamingEventProcessor::isRunning)
                    .allMatch(processor -> processor.processingStatus().values().stream()
                            .allMatch(segment -> segment.isCaughtUp()
                                    && segment.getCurrentPosition().orElse(-1) >= head));
            if (all) {
                System.out.printf(Locale.ROOT, "processors caught up in %.1f s%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(200);
        }
        notes.add("Processors had not caught up within " + limit.toSeconds() + " s before a phase.");
    }

    // ---------------------------------------------------------------- forked jar: startup and RSS

    private void forked(Path jar) throws Exception {
        Path logs = Path.of(System.getProperty("basedir", "."), "target", "bench-logs");
        try (BenchmarkDatabase database = BenchmarkDatabase.create("startup", 1)) {
            List<String> external = ForkedPlatform.onDatabase(database);
            List<Double> externalStarts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                try (ForkedPlatform platform = ForkedPlatform.start(jar, logs.resolve("external-" + i + ".log"),
                        List.of(), external)) {
                    externalStarts.add(platform.startupSeconds());
                    if (i == STARTS - 1) {
                        residentMemory(platform, "java -jar, no JVM options");
                    }
                }
            }
            try (ForkedPlatform platform = ForkedPlatform.start(jar, logs.resolve("external-rss.log"), RSS_JVM,
                    external)) {
                residentMemory(platform, "java " + String.join(" ", RSS_JVM) + " -jar");
            }
            List<Double> embeddedStarts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                try (ForkedPlatform platform = ForkedPlatform.start(jar, logs.resolve("embedded-" + i + ".log"),
                        List.of(), List.of())) {
                    embeddedStarts.add(platform.startupSeconds());
                }
            }
            double externalStartup = BarsTable.median(externalStarts);
            double embeddedStartup = BarsTable.median(embeddedStarts);
            table.row("Startup to health UP, external PostgreSQL (java -jar)", BarsTable.number(externalStartup) + " s",
                    "", "", "≤ 15 s", externalStartup <= 15);
            table.row("Startup to health UP, embedded default (java -jar)", BarsTable.number(embeddedStartup) + " s",
                    "", "", "≤ 15 s", embeddedStartup <= 15);
            table.runs("Startup external [s]", BarsTable.list(externalStarts));
            table.runs("Startup embedded [s]", BarsTable.list(embeddedStarts));
        }
    }

    /** The forked platform under mixed load (queries and commands) for a measured window; VmHWM after it. */
    private void residentMemory(ForkedPlatform platform, String launch) throws Exception {
        Api forked = Api.at(platform.port());
        String tenantId = UUID.randomUUID().toString();
        Api.Response created = forked.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Memory", "plan", "ENTERPRISE", "owner", "owner"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = tokens.tenantAdmin(tenantId, "owner");
        List<String> workspaces = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            Api.Response accepted = forked.as(token).post("/api/v1/tenants/" + tenantId + "/workspaces",
                    Map.of("id", id, "name", "Memory " + i, "description", "rss"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            workspaces.add(id);
        }
        Thread.sleep(3_000);
        LoadClient client = new LoadClient(HTTP_THREADS, WARMUP, MEASURED.multipliedBy(2));
        LoadClient.Result load = client.closedLoop(n -> {
            String workspace = workspaces.get(n % workspaces.size());
            HttpRequest.Builder request = LoadClient.request(platform.port(), "/api/v1/workspaces/" + workspace, token);
            return n % 4 == 0
                    ? request.header("Content-Type", "application/json").method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"description\":\"m" + n + "\"}")).build()
                    : request.GET().build();
        });
        double rss = platform.memoryMiB("VmRSS");
        double peak = platform.memoryMiB("VmHWM");
        table.row("Resident memory under load, peak VmHWM (" + launch + ")", BarsTable.number(peak) + " MiB",
                "", "", "≤ 512 MiB", peak <= 512);
        notes.add(String.format(Locale.ROOT, "RSS load (%s): 3 GET /workspaces/{id} : 1 PATCH, %d senders, %s; "
                + "VmRSS after %.0f MiB, VmHWM %.0f MiB.", launch, HTTP_THREADS, load, rss, peak));
    }

    // ---------------------------------------------------------------- report

    private String markdown(double loadAtStart, Duration took) throws Exception {
        StringBuilder md = new StringBuilder("# Benchmarks: the bars of design section 8\n\n");
        md.append("Date: ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("  \n");
        md.append("Command: `").append(System.getProperty("bench.command",
                "./mvnw -B -Pbenchmarks -pl app -am verify")).append("`  \n");
        md.append("Machine: ").append(machine()).append("  \n");
        md.append(String.format(Locale.ROOT, "Java %s; PostgreSQL %s at 127.0.0.1:5432; load average %.2f at start; "
                        + "whole run %d s%n%n", System.getProperty("java.version"),
                jdbc.queryForObject("show server_version", String.class), loadAtStart, took.toSeconds()));
        md.append(String.format(Locale.ROOT, "Sizes: %,d seeded events in aggregates of %,d; %d runs per figure "
                        + "(median); load runs %d s measured after %d s warm-up; %d HTTP senders; %d rebuild run(s); "
                        + "%d starts per startup figure.%n%n", EVENTS, AGGREGATE_EVENTS, RUNS, MEASURED.toSeconds(),
                WARMUP.toSeconds(), HTTP_THREADS, REBUILD_RUNS, STARTS));
        md.append(table.markdown());
        md.append("\n### Notes\n\n");
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        md.append("\nHow each figure is measured: see the Javadoc of `PerformanceBarsBenchmark` and "
                + "docs/adr/0012-performance-bars.md.\n");
        return md.toString();
    }

    private static String machine() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s %s", model,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    // ---------------------------------------------------------------- the baselines inside the app

    /** Registers the baseline endpoints in this test's context only. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Baselines {

        @Bean
        BaselineEndpoints baselineEndpoints(JdbcTemplate jdbc) {
            return new BaselineEndpoints(jdbc);
        }
    }

    /**
     * Trivial endpoints behind the platform's security chain ({@code /api/**} needs a valid token): a GET that
     * returns a constant, and a POST that does one raw JDBC insert of an event-shaped row and commits.
     */
    @TestComponent
    @RestController
    static class BaselineEndpoints {

        private static final byte[] PAYLOAD = "{\"workspaceId\":\"x\",\"name\":\"raw\"}".getBytes();

        private final JdbcTemplate jdbc;

        BaselineEndpoints(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/bench/trivial")
        Map<String, String> trivial() {
            return Map.of("status", "ok");
        }

        @PostMapping("/api/v1/bench/raw-insert")
        ResponseEntity<Void> rawInsert() {
            String id = UUID.randomUUID().toString();
            jdbc.update(insertInto(RAW_TABLE), id, id, 0L, "Workspace", Instant.now().toString(),
                    "io.baseplane.kernel.workspace.WorkspaceCreated", "1", PAYLOAD, PAYLOAD);
            return ResponseEntity.accepted().build();
        }
    }
}
