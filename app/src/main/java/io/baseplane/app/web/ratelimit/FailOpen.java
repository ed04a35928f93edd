package io.baseplane.app.web.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a budget check does when the shared buckets cannot be read (the database is out of reach, or did not answer
 * within its statement timeout): the request is admitted, and for {@link #PAUSE} no check tries the database again, so
 * requests do not each wait for a connection first; then one request tries, while the others are still admitted
 * unchecked. A request that needs the database then gets the platform's usual
 * 503 from its own database access; one that does not (a metrics scrape, say) is served. One warning when the checks
 * stop, one line when they work again, rather than one per request.
 */
final class FailOpen {

    static final Duration PAUSE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(FailOpen.class);

    private final Object lock = new Object();
    private final AtomicLong retryAt = new AtomicLong();
    private volatile boolean failing;
    private long failingSince;

    /** The wait the check asks for, or none (admit) if it failed or the checks are paused. */
    Optional<Duration> check(Supplier<Optional<Duration>> budgetCheck) {
        if (paused()) {
            return Optional.empty();
        }
        try {
            Optional<Duration> wait = budgetCheck.get();
            recovered();
            return wait;
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Records something against a budget, or drops it if the shared buckets cannot be reached. */
    void record(Runnable update) {
        check(() -> {
            update.run();
            return Optional.empty();
        });
    }

    /** While failing, true except for the one check that gets to try the database after each pause. */
    private boolean paused() {
        if (!failing) {
            return false;
        }
        long due = retryAt.get();
        long now = System.nanoTime();
        return now - due < 0 || !retryAt.compareAndSet(due, now + PAUSE.toNanos());
    }

    private void failed(RuntimeException e) {
        synchronized (lock) {
            retryAt.set(System.nanoTime() + PAUSE.toNanos());
            if (!failing) {
                failing = true;
                failingSince = System.nanoTime();
                log.warn("Request budgets cannot be checked, so requests are admitted without them; next attempt in {} s",
                        PAUSE.toSeconds(), e);
            }
        }
    }

    private void recovered() {
        if (!failing) {
            return;
        }
        synchronized (lock) {
            if (failing) {
                failing = false;
                log.info("Request budgets are checked again after {} s without them",
                        Duration.ofNanos(System.nanoTime() - failingSince).toSeconds());
            }
        }
    }
}
