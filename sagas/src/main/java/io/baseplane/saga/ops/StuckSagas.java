package io.baseplane.saga.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many sagas are stuck, per type, for gauges and health checks. Scrapes and probes come often and from
 * several places; the count is read from the database at most once per {@link #MAX_AGE} and shared.
 */
@Component
public class StuckSagas {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final SagaInstances instances;
    private final Clock clock;
    private Snapshot last;

    @Autowired
    public StuckSagas(SagaInstances instances) {
        this(instances, Clock.systemUTC());
    }

    StuckSagas(SagaInstances instances, Clock clock) {
        this.instances = instances;
        this.clock = clock;
    }

    /** The latest count, read anew if older than {@link #MAX_AGE}. */
    public synchronized Snapshot current() {
        if (last == null || last.at().plus(MAX_AGE).isBefore(clock.instant())) {
            last = instances.stuck();
        }
        return last;
    }

    /**
     * Stuck sagas at one moment.
     *
     * @param byType                every known saga type, with zero where none is stuck
     * @param oldestStuckAgeSeconds how long the stuck saga longest without progress has gone without; null if none
     */
    public record Snapshot(Instant at, Map<String, Long> byType, Long oldestStuckAgeSeconds) {

        public Snapshot {
            byType = Map.copyOf(byType);
        }

        public long total() {
            return byType.values().stream().mapToLong(n -> n).sum();
        }

        public long of(String type) {
            return byType.getOrDefault(type, 0L);
        }
    }
}
