package io.baseplane.saga.airtable.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} requests in any one second, however the second is placed: each request starts no
 * sooner than a second after the request {@code perSecond} places before it. (A limiter that refills its permits
 * per period lets a request at the end of one period and one at the start of the next through together, so a
 * sliding second can hold one more than Airtable allows, which answers 429.) Callers wait their turn in order.
 */
final class SlidingSecondLimiter {

    /** A strictly longer gap than a second, so a window closed at both ends never holds one too many. */
    private static final long GAP_NANOS = Duration.ofSeconds(1).plusMillis(1).toNanos();

    private final int perSecond;
    private final LongSupplier nanoTime;
    /** Start times of the last {@code perSecond} requests, reserved ones in the future included, oldest first. */
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    SlidingSecondLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    SlidingSecondLimiter(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /**
     * Reserves the next start time and returns how long to wait for it, or -1 when that is longer than
     * {@code maxWait} (nothing is reserved then).
     */
    synchronized long reserveNanos(Duration maxWait) {
        long now = nanoTime.getAsLong();
        long start = starts.size() < perSecond ? now : Math.max(now, starts.peekFirst() + GAP_NANOS);
        if (start - now > maxWait.toNanos()) {
            return -1;
        }
        starts.addLast(start);
        if (starts.size() > perSecond) {
            starts.removeFirst();
        }
        return start - now;
    }

    /** Waits for the next start; false when it would take longer than {@code maxWait}. */
    boolean acquire(Duration maxWait) {
        long wait = reserveNanos(maxWait);
        if (wait < 0) {
            return false;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
