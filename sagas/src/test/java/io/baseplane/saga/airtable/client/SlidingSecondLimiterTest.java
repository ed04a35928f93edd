package io.baseplane.saga.airtable.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-base rate limit: never more than the limit in any sliding second, on a clock the test drives. */
class SlidingSecondLimiterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private long now;
    private final SlidingSecondLimiter limiter = new SlidingSecondLimiter(5, () -> now);

    @Test
    void requestsExactlyAFifthOfASecondApartNeverPutSixInAnySecond() {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            now = i * (SECOND / 5);
            starts.add(now + limiter.reserveNanos(Duration.ofSeconds(5)));
        }

        assertThat(mostInAnyClosedSecond(starts)).isEqualTo(5);
    }

    @Test
    void aBurstGoesFiveAtOnceThenWaitsForTheSecondToPass() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(limiter.reserveNanos(Duration.ofSeconds(5)));
        }

        assertThat(waits.subList(0, 5)).containsOnly(0L);
        assertThat(waits.get(5)).isGreaterThan(SECOND);
        assertThat(waits.get(6)).isEqualTo(waits.get(5));
        assertThat(mostInAnyClosedSecond(waits)).isEqualTo(5);
    }

    @Test
    void aTurnFurtherAwayThanTheCallerWillWaitIsRefusedAndReservesNothing() {
        for (int i = 0; i < 5; i++) {
            limiter.reserveNanos(Duration.ZERO);
        }

        assertThat(limiter.reserveNanos(Duration.ofMillis(500))).isEqualTo(-1);
        now = SECOND + Duration.ofMillis(1).toNanos();
        assertThat(limiter.reserveNanos(Duration.ZERO)).as("the refused one took no place").isZero();
    }

    /** The most starts any window [t, t + 1 s], both ends included, holds. */
    private static int mostInAnyClosedSecond(List<Long> starts) {
        int most = 0;
        for (long from : starts) {
            int inWindow = (int) starts.stream().filter(start -> start >= from && start <= from + SECOND).count();
            most = Math.max(most, inWindow);
        }
        return most;
    }
}
