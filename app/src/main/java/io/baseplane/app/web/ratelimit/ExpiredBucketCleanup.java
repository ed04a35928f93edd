package io.baseplane.app.web.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code rate_limit_bucket} to the buckets in use: every node deletes expired rows once a minute, in batches,
 * until a batch comes back short. A row expires once its bucket would be full again (plus a margin), and a full
 * bucket is what a missing row is re-created as, so deleting one never hands anyone extra requests. Nodes cleaning at
 * the same time skip each other's rows ({@code for update skip locked}); a failed round (database out of reach) is
 * logged and the next one tries again.
 */
final class ExpiredBucketCleanup implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketCleanup.class);

    private final SharedBuckets buckets;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-limit-bucket-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    ExpiredBucketCleanup(SharedBuckets buckets) {
        this.buckets = buckets;
        scheduler.scheduleWithFixedDelay(this::removeExpiredRows, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One round: all rows that have expired by now. */
    int removeExpiredRows() {
        int removed = 0;
        try {
            int batch;
            do {
                batch = buckets.removeExpired(BATCH);
                removed += batch;
            } while (batch == BATCH);
            log.debug("Removed {} expired rate-limit buckets", removed);
        } catch (RuntimeException e) {
            log.warn("Expired rate-limit buckets not removed this round: {}", e.toString());
        }
        return removed;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
