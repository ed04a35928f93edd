package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootVersion;

/**
 * Axon's JdbcEventStorageEngine against its JpaEventStorageEngine (Hibernate), with plain JDBC as the floor,
 * side by side on the same PostgreSQL server, each store in a fresh database of its own. The measurements
 * behind docs/adr/0002-event-storage-engine.md.
 *
 * <ol>
 *   <li>Append: N events, each the first event of an aggregate of its own, each in a transaction of its own
 *       (as a command's unit of work appends), from 1 and from 8 threads.</li>
 *   <li>Aggregate read: all events of an aggregate of 1,000 events ({@code readEvents(aggregateId)}, fully
 *       consumed, payloads deserialized), repeated.</li>
 *   <li>Tracking read: the first 20,000 events from the start ({@code readEvents(null, false)}) in batches,
 *       payloads deserialized; 3 passes per run.</li>
 * </ol>
 *
 * <p>Each figure is preceded by a warm-up per store that is not measured, and is the median of 3 runs; within
 * a run the stores take turns in a rotating order, so that a disturbance (another build on the machine) does
 * not always hit the same store. The table is printed and written to {@code target/storage-engine-benchmark.md}.
 *
 * <p>Tagged {@code benchmark}, which the default build excludes. Run it with
 * {@code mvn -pl app test -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=StorageEngineBenchmark}; sizes
 * by system property: {@code benchmark.appends} (N, default 20000), {@code benchmark.threads} (8),
 * {@code benchmark.runs} (3), {@code benchmark.warmupAppends} (N/10, at least 200),
 * {@code benchmark.aggregateEvents} (1000), {@code benchmark.aggregateReads} (per run, 50),
 * {@code benchmark.trackingEvents} (20000), {@code benchmark.trackingPasses} (per run, 3),
 * {@code benchmark.batchSize} (engine batch size, 100 as the
 * platform's {@code baseplane.axon.event-batch-size}), {@code benchmark.poolSize} (10),
 * {@code benchmark.jpa.globalIndex} ({@code sequence}: increment 1, the default; {@code identity};
 * {@code hibernate-default}: increment 50, pooled),
 * {@code benchmark.jpa.explicitFlush} ({@code false} to leave the INSERT to the flush at commit).
 */
@Tag("benchmark")
class StorageEngineBenchmark {

    private static final int APPENDS = Integer.getInteger("benchmark.appends", 20_000);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int WARMUP_APPENDS =
            Integer.getInteger("benchmark.warmupAppends", Math.max(200, APPENDS / 10));
    private static final int AGGREGATE_EVENTS = Integer.getInteger("benchmark.aggregateEvents", 1_000);
    private static final int AGGREGATE_READS = Integer.getInteger("benchmark.aggregateReads", 50);
    private static final int WARMUP_AGGREGATE_READS = Math.max(10, AGGREGATE_READS);
    private static final int TRACKING_EVENTS = Integer.getInteger("benchmark.trackingEvents", 20_000);
    private static final int TRACKING_PASSES = Integer.getInteger("benchmark.trackingPasses", 3);
    private static final int WARMUP_TRACKING_PASSES = 2;
    private static final int BATCH_SIZE = Integer.getInteger("benchmark.batchSize", 100);
    private static final int POOL_SIZE = Integer.getInteger("benchmark.poolSize", 10);
    private static final int LOAD_CHUNK = 500;

    private final BenchmarkReport report = new BenchmarkReport();

    @Test
    void jdbcVersusJpaStorageEngine() throws Exception {
        assumeTrue(BenchmarkDatabase.serverAvailable(), "no PostgreSQL server at 127.0.0.1:5432");
        assertThat(POOL_SIZE).as("every appending thread needs a connection").isGreaterThanOrEqualTo(THREADS);
        Level previousLevel = quietLogging();
        Instant started = Instant.now();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Serializer serializer = BenchmarkEvents.serializer();
        try (AxonEngineSubject jdbc = EventStores.jdbc(serializer, POOL_SIZE, BATCH_SIZE);
             AxonEngineSubject jpa = EventStores.jpa(serializer, POOL_SIZE, BATCH_SIZE);
             RawJdbcSubject raw = EventStores.raw(serializer, POOL_SIZE, BATCH_SIZE)) {
            List<EventStoreSubject> stores = List.of(jdbc, jpa, raw);
            checkJpaSchema(jpa.database());

            appends("Append, 1 thread [events/s]", 1, stores);
            appends("Append, " + THREADS + " threads [events/s]", THREADS, stores);
            checkStoredPayloads(stores);
            aggregateReads(stores);
            trackingReads(stores);

            String serverVersion = jdbc.database().serverVersion();
            Duration took = Duration.between(started, Instant.now());
            System.out.println();
            System.out.println(report.text());
            Path markdown = reportPath();
            Files.createDirectories(markdown.getParent());
            Files.writeString(markdown, report.markdown("Event storage engine benchmark",
                    setup(serverVersion, loadAtStart, took)));
            System.out.printf(Locale.ROOT, "Took %ds; written to %s%n", took.toSeconds(), markdown.toAbsolutePath());
        } finally {
            restoreLogging(previousLevel);
        }
    }

    private void appends(String figure, int threads, List<EventStoreSubject> stores) throws Exception {
        for (EventStoreSubject store : stores) {
            appendsPerSecond(store, BenchmarkEvents.firstEventsOfNewAggregates(WARMUP_APPENDS), threads);
        }
        for (int run = 0; run < RUNS; run++) {
            for (EventStoreSubject store : rotated(stores, run)) {
                List<? extends DomainEventMessage<?>> events = BenchmarkEvents.firstEventsOfNewAggregates(APPENDS);
                long before = store.database().eventCount();
                System.gc();
                report.add(figure, store.name(), appendsPerSecond(store, events, threads));
                assertThat(store.database().eventCount() - before).as(store.name()).isEqualTo(APPENDS);
            }
        }
        progress(figure);
    }

    private static double appendsPerSecond(EventStoreSubject store, List<? extends DomainEventMessage<?>> events,
                                           int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                        store.append(events.get(i));
                    }
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            return events.size() / seconds(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private void aggregateReads(List<EventStoreSubject> stores) {
        String figure = String.format(Locale.ROOT, "Aggregate read, %,d events [reads/s]", AGGREGATE_EVENTS);
        List<String> aggregates = new ArrayList<>();
        for (EventStoreSubject store : stores) {
            WorkspaceId workspace = WorkspaceId.random();
            for (int first = 0; first < AGGREGATE_EVENTS; first += LOAD_CHUNK) {
                store.load(BenchmarkEvents.eventsOf(workspace, first, Math.min(LOAD_CHUNK, AGGREGATE_EVENTS - first)));
            }
            aggregates.add(workspace.toString());
            readAggregate(store, workspace.toString(), WARMUP_AGGREGATE_READS);
        }
        for (int run = 0; run < RUNS; run++) {
            for (EventStoreSubject store : rotated(stores, run)) {
                String aggregate = aggregates.get(stores.indexOf(store));
                System.gc();
                long start = System.nanoTime();
                readAggregate(store, aggregate, AGGREGATE_READS);
                report.add(figure, store.name(), AGGREGATE_READS / seconds(System.nanoTime() - start));
            }
        }
        progress(figure);
    }

    private static void readAggregate(EventStoreSubject store, String aggregate, int times) {
        for (int i = 0; i < times; i++) {
            int read = store.readAggregate(aggregate);
            if (read != AGGREGATE_EVENTS) {
                throw new AssertionError(store.name() + " read " + read + " events of " + aggregate);
            }
        }
    }

    private void trackingReads(List<EventStoreSubject> stores) {
        String figure = String.format(Locale.ROOT, "Tracking read, %,d events [events/s]", TRACKING_EVENTS);
        for (EventStoreSubject store : stores) {
            long missing = TRACKING_EVENTS - store.database().eventCount();
            while (missing > 0) {
                int chunk = (int) Math.min(LOAD_CHUNK, missing);
                store.load(BenchmarkEvents.firstEventsOfNewAggregates(chunk));
                missing -= chunk;
            }
            readTracked(store, WARMUP_TRACKING_PASSES);
        }
        for (int run = 0; run < RUNS; run++) {
            for (EventStoreSubject store : rotated(stores, run)) {
                System.gc();
                long start = System.nanoTime();
                readTracked(store, TRACKING_PASSES);
                report.add(figure, store.name(),
                        (double) TRACKING_EVENTS * TRACKING_PASSES / seconds(System.nanoTime() - start));
            }
        }
        progress(figure);
    }

    private static void readTracked(EventStoreSubject store, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            int read = store.readTracked(TRACKING_EVENTS);
            if (read != TRACKING_EVENTS) {
                throw new AssertionError(store.name() + " streamed " + read + " events, expected " + TRACKING_EVENTS);
            }
        }
    }

    /** Hibernate created the JPA tables: no large-object (oid) column anywhere, payloads in bytea. */
    private void checkJpaSchema(BenchmarkDatabase jpa) {
        List<String> oidColumns = jpa.queryRows("select table_name, column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'oid'");
        assertThat(oidColumns).as("oid columns in the JPA schema").isEmpty();
        List<String> lobColumns = jpa.queryRows("select table_name, column_name, data_type "
                + "from information_schema.columns where table_schema = 'public' "
                + "and column_name in ('payload', 'meta_data') order by table_name, column_name");
        assertThat(lobColumns).containsExactly(
                "domain_event_entry meta_data bytea",
                "domain_event_entry payload bytea",
                "snapshot_event_entry meta_data bytea",
                "snapshot_event_entry payload bytea");
        List<String> sequences = jpa.queryRows("select sequencename, increment_by from pg_sequences "
                + "where schemaname = 'public'");
        List<String> identities = jpa.queryRows("select table_name, column_name from information_schema.columns "
                + "where table_schema = 'public' and is_identity = 'YES'");
        report.note("JPA schema (hbm2ddl create, ByteaPostgreSQLDialect): no oid column in information_schema.columns; "
                + String.join(", ", lobColumns) + "; sequences (name, increment): " + listed(sequences)
                + "; identity columns: " + listed(identities) + ".");
        switch (EventStores.JpaGlobalIndex.configured()) {
            case SEQUENCE -> assertThat(sequences).containsExactly("domain_event_entry_seq 1");
            case IDENTITY -> assertThat(identities).containsExactly("domain_event_entry global_index");
            case HIBERNATE_DEFAULT -> assertThat(sequences).containsExactly("domain_event_entry_seq 50");
        }
    }

    /** What the appends stored is JSON in bytea, with no large object behind it, in all three databases. */
    private void checkStoredPayloads(List<EventStoreSubject> stores) {
        for (EventStoreSubject store : stores) {
            BenchmarkDatabase database = store.database();
            assertThat(database.queryLong("select count(*) from pg_largeobject_metadata")).as(store.name()).isZero();
            assertThat(database.queryRows("select convert_from(payload, 'UTF8') from domain_event_entry limit 1"))
                    .as(store.name()).singleElement().asString().startsWith("{\"workspaceId\":");
        }
        report.note("After the appends: payloads are UTF-8 JSON in bytea and pg_largeobject_metadata is empty, "
                + "in all three databases.");
    }

    private List<String> setup(String serverVersion, double loadAtStart, Duration took) {
        return List.of(
                String.format(Locale.ROOT, "PostgreSQL %s at 127.0.0.1:5432, one fresh database per store; "
                        + "HikariCP pools of %d connections each", serverVersion, POOL_SIZE),
                String.format(Locale.ROOT, "Java %s, %d cores, load average %.2f at start; Spring Boot %s, "
                                + "Hibernate %s, Axon %s", System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(), loadAtStart, SpringBootVersion.getVersion(),
                        org.hibernate.Version.getVersionString(), axonVersion()),
                String.format(Locale.ROOT, "Append: %,d events per run, %,d warm-up appends per store and thread "
                        + "count; aggregate read: %d reads per run after %d warm-up reads; tracking read: %d passes "
                        + "per run after %d warm-up passes; %d runs per figure, median reported", APPENDS,
                        WARMUP_APPENDS, AGGREGATE_READS, WARMUP_AGGREGATE_READS, TRACKING_PASSES,
                        WARMUP_TRACKING_PASSES, RUNS),
                String.format(Locale.ROOT, "Engine batch size %d (the platform's baseplane.axon.event-batch-size); "
                        + "JacksonSerializer (Jackson 2, JavaTimeModule) for payloads and metadata of all three",
                        BATCH_SIZE),
                "JDBC engine: configured as EventStoreConfiguration, tables of the Flyway migrations (identity "
                        + "global index); DataSourceTransactionManager",
                "JPA engine: Hibernate hbm2ddl create, ByteaPostgreSQLDialect (@Lob as bytea), snake_case naming, "
                        + EventStores.JpaGlobalIndex.configured().description
                        + (EventStores.jpaExplicitFlush()
                        ? ", explicit flush after each append (Axon's default)"
                        : ", no explicit flush (explicitFlush=false, the INSERT happens at commit)")
                        + "; JpaTransactionManager, "
                        + "SimpleEntityManagerProvider over SharedEntityManagerCreator's EntityManager",
                "Transactions: every append and every aggregate read in a transaction of its own, opened through "
                        + "Axon's SpringTransactionManager (the engine joins it); tracking reads open none, the "
                        + "engines run each batch in a transaction; raw JDBC does the same transactions by hand",
                String.format(Locale.ROOT, "Whole run took %ds", took.toSeconds()));
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String axonVersion() {
        String version = org.axonframework.eventsourcing.eventstore.EventStorageEngine.class.getPackage()
                .getImplementationVersion();
        return version == null ? "4.x" : version;
    }

    private static List<EventStoreSubject> rotated(List<EventStoreSubject> stores, int run) {
        List<EventStoreSubject> order = new ArrayList<>(stores);
        Collections.rotate(order, -(run % stores.size()));
        return order;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String figure) {
        System.out.println("done: " + figure);
    }

    private static Path reportPath() {
        return Path.of(System.getProperty("basedir", "."), "target", "storage-engine-benchmark.md");
    }

    /** Plain JUnit: nothing configured logback, whose default logs everything at DEBUG. */
    private static Level quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            Level previous = root.getLevel();
            root.setLevel(Level.WARN);
            return previous;
        }
        return null;
    }

    private static void restoreLogging(Level previous) {
        if (previous != null && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(previous);
        }
    }
}
