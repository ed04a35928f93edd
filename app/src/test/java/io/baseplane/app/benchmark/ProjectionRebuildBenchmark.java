package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTest;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.workspace.WorkspaceViewProjector;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the workspace view is rebuilt from the event store, by the pooled processor's batch size and
 * segment count (threads = segments). The measurements behind docs/adr/0007-event-processor-defaults.md.
 *
 * <p>In the platform's own context ({@link PlatformTest}, its own database) with all of the app's streaming
 * processors shut down, a workload of workspace events is appended straight through the
 * {@link EventStorageEngine} (W workspaces, each a {@code WorkspaceCreated} and M {@code MemberAdded}, the
 * workspaces' events interleaved in groups of 50). For each configuration a new
 * {@link PooledStreamingEventProcessor} (a distinct name per configuration and run) is built over the app's
 * {@link WorkspaceViewProjector} bean, its {@link TokenStore}, the event store and the read models' JPA
 * transaction manager, as the app builds {@code workspace-view}; its tokens start as replay tokens from the
 * tail with the head as the point of reset, just as {@code resetTokens()} leaves them. Before each run the
 * view tables are truncated. A run is timed from {@code start()} until every segment reports caught up at
 * the head; a run that has not caught up after {@code benchmark.runLimit} seconds is cut there and its rate
 * taken from the events its slowest segment had passed. After each full run the row counts are checked.
 *
 * <p>One warm-up run (batch 100, 2 segments) precedes the measured ones and is not reported. Each figure is
 * the median of 3 runs; within a run round the configurations take turns in a rotating order. The table is
 * printed and written to {@code target/projection-rebuild-benchmark.md}.
 *
 * <p>Tagged {@code benchmark}, which the default build excludes. Run it with
 * {@code mvn -B -o -q test -pl app -am -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -Dtest=ProjectionRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; sizes by system property:
 * {@code benchmark.workspaces} (3500), {@code benchmark.members} (per workspace, 5), {@code benchmark.runs}
 * (3), {@code benchmark.runLimit} (seconds, 10), {@code benchmark.batchSizes} (1,10,100,500),
 * {@code benchmark.segments} (1,2). The context is discarded afterwards: its processors stay shut down.
 */
@Tag("benchmark")
@PlatformTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "logging.level.org.axonframework=WARN")
class ProjectionRebuildBenchmark {

    private static final int WORKSPACES = Integer.getInteger("benchmark.workspaces", 3_500);
    private static final int MEMBERS = Integer.getInteger("benchmark.members", 5);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(Integer.getInteger("benchmark.runLimit", 10));
    private static final List<Integer> BATCH_SIZES = ints(System.getProperty("benchmark.batchSizes", "1,10,100,500"));
    private static final List<Integer> SEGMENTS = ints(System.getProperty("benchmark.segments", "1,2"));
    private static final int INTERLEAVE = 50;
    private static final int APPEND_CHUNK = 1_000;
    private static final Config BASELINE = new Config(100, 2);

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TokenStore tokenStore;

    @Autowired
    private WorkspaceViewProjector projector;

    @Autowired
    private PlatformTransactionManager writeSide;

    @Autowired
    private JdbcTemplate jdbc;

    private final Map<Config, List<Run>> runs = new LinkedHashMap<>();

    @Test
    void rebuildOfTheWorkspaceViewByBatchSizeAndSegments() throws Exception {
        Instant started = Instant.now();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);

        long appendStart = System.nanoTime();
        int events = appendWorkload();
        double appendSeconds = seconds(System.nanoTime() - appendStart);
        long head = position(eventStore.createHeadToken());
        long first = jdbc.queryForObject("select min(global_index) from domain_event_entry", Long.class);
        assertThat(head - first + 1).as("only the workload is in the store").isEqualTo(events);
        System.out.printf(Locale.ROOT, "appended %,d events in %.1fs; head %d%n", events, appendSeconds, head);

        List<Config> configs = new ArrayList<>();
        for (int batch : BATCH_SIZES) {
            for (int segments : SEGMENTS) {
                configs.add(new Config(batch, segments));
            }
        }
        Run warmUp = rebuild(BASELINE, "warmup", first, head, events);
        System.out.println("warm-up: " + warmUp);
        for (int run = 0; run < RUNS; run++) {
            List<Config> order = new ArrayList<>(configs);
            Collections.rotate(order, -run);
            for (Config config : order) {
                Run result = rebuild(config, "r" + run, first, head, events);
                runs.computeIfAbsent(config, c -> new ArrayList<>()).add(result);
                System.out.println(config + " run " + run + ": " + result);
            }
        }
        jdbc.update("delete from token_entry where processor_name like 'bench-%'");

        Duration took = Duration.between(started, Instant.now());
        String table = table(configs, events);
        System.out.println();
        System.out.println(table);
        Path markdown = Path.of(System.getProperty("basedir", "."), "target", "projection-rebuild-benchmark.md");
        Files.createDirectories(markdown.getParent());
        Files.writeString(markdown, markdown(table, configs, events, appendSeconds, loadAtStart, took));
        System.out.printf(Locale.ROOT, "Took %ds; written to %s%n", took.toSeconds(), markdown.toAbsolutePath());
    }

    /** The workload, appended in transactions of {@value #APPEND_CHUNK} events; returns the event count. */
    private int appendWorkload() {
        TenantId tenant = TenantId.random();
        List<EventMessage<?>> pending = new ArrayList<>(APPEND_CHUNK);
        TransactionTemplate transaction = new TransactionTemplate(writeSide);
        int count = 0;
        for (int group = 0; group < WORKSPACES; group += INTERLEAVE) {
            List<WorkspaceId> workspaces = new ArrayList<>();
            for (int i = group; i < Math.min(WORKSPACES, group + INTERLEAVE); i++) {
                workspaces.add(WorkspaceId.random());
            }
            for (int sequence = 0; sequence <= MEMBERS; sequence++) {
                for (WorkspaceId workspace : workspaces) {
                    pending.add(event(workspace, tenant, sequence));
                    count++;
                    if (pending.size() == APPEND_CHUNK) {
                        append(transaction, pending);
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            append(transaction, pending);
        }
        return count;
    }

    private void append(TransactionTemplate transaction, List<EventMessage<?>> pending) {
        List<EventMessage<?>> batch = List.copyOf(pending);
        transaction.executeWithoutResult(status -> storageEngine.appendEvents(batch));
        pending.clear();
    }

    /** Sequence 0 creates the workspace, each later one adds a member; metadata as the platform sets it. */
    private static DomainEventMessage<?> event(WorkspaceId workspace, TenantId tenant, long sequence) {
        Object payload = sequence == 0
                ? new WorkspaceCreated(workspace, tenant, "Workspace " + workspace.toString().substring(0, 8),
                "for the benchmark")
                : new MemberAdded(workspace, tenant, UserId.of("user-" + sequence),
                sequence == 1 ? WorkspaceRole.ADMIN : WorkspaceRole.EDITOR);
        String commandId = UUID.randomUUID().toString();
        Map<String, String> metaData = Map.of(
                MetaDataKeys.CORRELATION_ID, commandId,
                MetaDataKeys.CAUSATION_ID, commandId,
                MetaDataKeys.USER_ID, "alice",
                MetaDataKeys.TENANT_ID, tenant.toString());
        return new GenericDomainEventMessage<>("Workspace", workspace.toString(), sequence, payload, metaData);
    }

    /** Empty views, a new processor for the configuration, timed from start until caught up (or cut). */
    private Run rebuild(Config config, String run, long first, long head, int events) throws InterruptedException {
        jdbc.execute("truncate workspace_member_view, workspace_view");
        String name = "bench-workspace-view-b" + config.batchSize() + "-s" + config.segments() + "-" + run;
        ExecutorService[] executors = new ExecutorService[2];
        PooledStreamingEventProcessor processor = RebuildProcessors.workspaceView(name, config.batchSize(),
                config.segments(), projector, axon, eventStore, tokenStore,
                processing.transactionManager(ReadModelGroups.WORKSPACE_VIEW), executors);
        System.gc();
        long start = System.nanoTime();
        long deadline = start + RUN_LIMIT.toNanos();
        processor.start();
        try {
            while (true) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                if (RebuildProcessors.caughtUp(status, config.segments(), head)) {
                    double seconds = seconds(System.nanoTime() - start);
                    processor.shutDown();
                    assertThat(jdbc.queryForObject("select count(*) from workspace_view", Long.class))
                            .as(name).isEqualTo(WORKSPACES);
                    assertThat(jdbc.queryForObject("select count(*) from workspace_member_view", Long.class))
                            .as(name).isEqualTo((long) WORKSPACES * MEMBERS);
                    return new Run(events, seconds, false);
                }
                if (System.nanoTime() > deadline) {
                    double seconds = seconds(System.nanoTime() - start);
                    long passed = status.size() < config.segments() ? 0 : status.values().stream()
                            .mapToLong(segment -> segment.getCurrentPosition().orElse(first - 1))
                            .min().orElse(first - 1) - first + 1;
                    processor.shutDown();
                    return new Run(Math.max(0, passed), seconds, true);
                }
                Thread.sleep(10);
            }
        } finally {
            if (processor.isRunning()) {
                processor.shutDown();
            }
            RebuildProcessors.shutDown(executors);
        }
    }

    private String table(List<Config> configs, int events) {
        double baseline = median(runs.get(BASELINE), Run::rate);
        StringBuilder md = new StringBuilder();
        md.append("| Config | Events | Seconds | Events/s | vs batch 100 × 2 segments |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Config config : configs) {
            List<Run> results = runs.get(config);
            long cutRuns = results.stream().filter(Run::cut).count();
            boolean cut = cutRuns > 0;
            double rate = median(results, Run::rate);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %.2f |%n", config,
                    cut ? String.format(Locale.ROOT, "%,d of %,d (%d of %d runs cut at %ds)",
                            (long) median(results, Run::events), events, cutRuns, results.size(),
                            RUN_LIMIT.toSeconds()) : String.format(Locale.ROOT, "%,d", events),
                    cut ? String.format(Locale.ROOT, "%.1f (est. %.1f for all)", median(results, Run::seconds),
                            events / rate) : String.format(Locale.ROOT, "%.2f", median(results, Run::seconds)),
                    rate, rate / baseline));
        }
        return md.toString();
    }

    private String markdown(String table, List<Config> configs, int events, double appendSeconds, double loadAtStart,
                            Duration took) {
        StringBuilder md = new StringBuilder("# Projection rebuild benchmark: workspace-view\n\n");
        md.append("Date: ").append(Instant.now()).append("  \n");
        md.append("Command: `mvn -B -o -q test -pl app -am -Dsurefire.excludedGroups= -Dgroups=benchmark "
                + "-Dtest=ProjectionRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false`\n\n");
        md.append("Median of ").append(RUNS).append(" runs per configuration; higher events/s is better.\n\n");
        md.append(table);
        md.append("\n## Setup\n\n");
        md.append(String.format(Locale.ROOT, "- Java %s, %d cores (%s %s), load average %.2f at start; Spring Boot %s, "
                        + "Hibernate %s, Axon %s; PostgreSQL %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), loadAtStart, SpringBootVersion.getVersion(),
                org.hibernate.Version.getVersionString(), axonVersion(),
                jdbc.queryForObject("show server_version", String.class)));
        md.append(String.format(Locale.ROOT, "- Workload: %,d events = %,d workspaces × (1 WorkspaceCreated + %d "
                        + "MemberAdded), interleaved in groups of %d workspaces, appended through the "
                        + "EventStorageEngine in transactions of %,d events (%.1fs)%n", events, WORKSPACES, MEMBERS,
                INTERLEAVE, APPEND_CHUNK, appendSeconds));
        md.append("- Each run: view tables truncated, a new PooledStreamingEventProcessor (distinct name) over the "
                + "app's WorkspaceViewProjector, JdbcTokenStore, EmbeddedEventStore (JDBC engine, fetch batch "
                + "100) and SpringTransactionManager(readModelTransactionManager); threads = segments; tokens "
                + "start as replay tokens (tail → head), as after resetTokens(); timed from start() until every "
                + "segment is caught up at the head; row counts checked after each full run\n");
        md.append(String.format(Locale.ROOT, "- One warm-up run (batch 100, 2 segments) not reported; runs over %ds "
                + "are cut and rated by the events the slowest segment had passed; the app's own streaming "
                + "processors shut down throughout%n", RUN_LIMIT.toSeconds()));
        md.append(String.format(Locale.ROOT, "- Whole run took %ds%n", took.toSeconds()));
        md.append("\n## Single runs\n\n| Config | Runs (events/s) |\n|---|---|\n");
        for (Config config : configs) {
            md.append("| ").append(config).append(" | ").append(String.join(", ", runs.get(config).stream()
                    .map(run -> String.format(Locale.ROOT, "%,.0f%s", run.rate(), run.cut() ? " (cut)" : ""))
                    .toList())).append(" |\n");
        }
        return md.toString();
    }

    private static double median(List<Run> results, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static String axonVersion() {
        String version = PooledStreamingEventProcessor.class.getPackage().getImplementationVersion();
        return version == null ? "4.x" : version;
    }

    private record Config(int batchSize, int segments) {

        @Override
        public String toString() {
            return "batch " + batchSize + " × " + segments + (segments == 1 ? " segment" : " segments");
        }
    }

    private record Run(long events, double seconds, boolean cut) {

        double rate() {
            return events / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d events in %.2fs = %,.0f/s%s", events, seconds, rate(),
                    cut ? " (cut)" : "");
        }
    }
}
