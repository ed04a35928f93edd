package io.baseplane.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.axon.PlatformProcessors;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeededEvents;
import io.baseplane.projection.ReadModelGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Rebuilding {@code workspace-view} from {@code bench.events} (1,000,000) events through the replay API of the packaged
 * jar, in place and blue-green, in one run, in turn (in place, blue-green, …). In place: from the request to READY (the
 * view emptied and rebuilt by its own processor). Blue-green: from the request to SWITCHED, split into building the
 * shadow (to every event done) and the rest (catching up, holding both sides at one event, the diff of every row,
 * the switch). The other processors are paused, so the figure is the view's alone. Events in aggregates of
 * {@code bench.aggregateEvents} (10,000, as the bars' rebuild).
 *
 * <p>{@code ./mvnw -B -Pbenchmarks -pl app -am verify -Dbench.tests=ReplayRebuildBenchmark}; {@code bench.runs} (1).
 * Report in {@code target/replay-rebuild-benchmark.md}.
 */
@Tag("benchmark")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplayRebuildBenchmark extends PlatformTestBase {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int AGGREGATE_EVENTS = Integer.getInteger("bench.aggregateEvents", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 1);
    private static final String JAR = System.getProperty("bench.jar", "");
    private static final String REPLAYS = "/api/v1/ops/replays";

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void rebuildOfAMillionEventsInPlaceAndBlueGreen() throws Exception {
        assertThat(JAR).as("run through the benchmarks profile, which packages the jar first").isNotEmpty();
        Path logs = Path.of(System.getProperty("basedir", "."), "target", "bench-logs");
        List<Double> inPlace = new ArrayList<>();
        List<Double> blueGreen = new ArrayList<>();
        List<Double> shadowBuilt = new ArrayList<>();
        Instant started = Instant.now();
        long stored;
        String postgres;
        try (BenchmarkDatabase database = BenchmarkDatabase.create("replay", 2);
             ForkedPlatform platform = ForkedPlatform.start(Path.of(JAR), logs.resolve("replay-rebuild.log"),
                     List.of(), ForkedPlatform.onDatabase(database))) {
            Api operator = Api.at(platform.port()).as(tokens.operator());
            PlatformProcessors.ALL.forEach((name, kind) -> {
                if (!name.equals(ReadModelGroups.WORKSPACE_VIEW) && kind != PlatformProcessors.Kind.LOOKUP) {
                    Api.Response paused = operator.post("/api/v1/ops/processors/" + name + "/pause",
                            Map.of("reason", "benchmark: only workspace-view works"));
                    assertThat(paused.status()).as(paused.toString()).isEqualTo(202);
                }
            });
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            SeededEvents.seed(jdbc, eventSerializer, EVENTS, AGGREGATE_EVENTS);
            jdbc.execute("analyze domain_event_entry");
            stored = database.eventCount();
            postgres = database.serverVersion();
            for (int run = 0; run < RUNS; run++) {
                inPlace.add(timed(operator, "in-place", false, "READY").total());
                Timing timing = timed(operator, "blue-green", true, "SWITCHED");
                blueGreen.add(timing.total());
                shadowBuilt.add(timing.built());
            }
        }
        double inPlaceMedian = median(inPlace);
        double blueGreenMedian = median(blueGreen);
        String report = String.format(Locale.ROOT, """
                ## Rebuilding a view through the replay API (issue 13)

                Date: %s · Command: `./mvnw -B -Pbenchmarks -pl app -am verify -Dbench.tests=ReplayRebuildBenchmark`
                PostgreSQL %s; Java %s; %,d events in the store (workspace events in aggregates of %,d); %d run(s),
                median; the other processors paused; the packaged jar, one node.

                | Rebuild of workspace-view | Seconds | Events/s | Ratio to in place |
                |---|---:|---:|---:|
                | In place (request → READY) | %.1f | %,.0f | 1.00 |
                | Blue-green (request → SWITCHED) | %.1f | %,.0f | %.2f |
                | of which the shadow built (request → every event done) | %.1f | %,.0f | %.2f |

                Runs: in place %s; blue-green %s; shadow built %s. Whole benchmark %d s.
                """, started, postgres, System.getProperty("java.version"), stored, AGGREGATE_EVENTS, RUNS,
                inPlaceMedian, stored / inPlaceMedian, blueGreenMedian, stored / blueGreenMedian,
                blueGreenMedian / inPlaceMedian, median(shadowBuilt), stored / median(shadowBuilt),
                median(shadowBuilt) / inPlaceMedian, runs(inPlace), runs(blueGreen), runs(shadowBuilt),
                Duration.between(started, Instant.now()).toSeconds());
        Path out = Path.of(System.getProperty("basedir", "."), "target", "replay-rebuild-benchmark.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Seconds from the request to the end status, and to the moment every event was done. */
    private record Timing(double total, double built) {
    }

    private static Timing timed(Api operator, String mode, boolean autoSwitch, String end) throws InterruptedException {
        long start = System.nanoTime();
        Api.Response accepted = operator.post(REPLAYS, Map.of("processor", ReadModelGroups.WORKSPACE_VIEW, "mode", mode,
                "reason", "benchmark", "autoSwitch", autoSwitch));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        double built = 0;
        while (true) {
            JsonNode replay = operator.get(REPLAYS + "/" + id).json();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (built == 0 && replay.get("eventsDone").asLong() >= replay.get("eventsTotal").asLong()) {
                built = elapsed;
            }
            String status = replay.get("status").asText();
            if (status.equals(end)) {
                return new Timing(elapsed, built);
            }
            assertThat(Set.of("FAILED", "CANCELLED")).as(replay.toString()).doesNotContain(status);
            Thread.sleep(200);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String runs(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format(Locale.ROOT, "%.1f s", value)).toList());
    }
}
