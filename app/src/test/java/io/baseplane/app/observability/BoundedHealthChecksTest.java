package io.baseplane.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Three checks that share one budget, asked one after the other as Spring Boot asks a group's checks: a probe answers
 * within about one budget, also right after another probe whose answers were quick (a database that just went away).
 */
class BoundedHealthChecksTest {

    private static final Duration BUDGET = Duration.ofMillis(300);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicBoolean hung = new AtomicBoolean();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aProbeRightAfterAQuickOneWaitsOneBudgetNotOnePerCheck() {
        BoundedHealthChecks group = new BoundedHealthChecks(BUDGET, executor);
        List<HealthIndicator> checks = IntStream.range(0, 3).mapToObj(i -> group.add(this::databaseCheck)).toList();
        assertThat(probe(checks)).containsOnly(Status.UP);

        hung.set(true);
        long started = System.nanoTime();
        List<Status> answers = probe(checks);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answers).containsOnly(Status.DOWN);
        assertThat(took).isLessThan(BUDGET.multipliedBy(2));
        // No answer from before the checks hung serves a later probe.
        assertThat(probe(checks)).containsOnly(Status.DOWN);
    }

    private static List<Status> probe(List<HealthIndicator> checks) {
        return checks.stream().map(check -> check.health().getStatus()).toList();
    }

    private Health databaseCheck() {
        if (hung.get()) {
            try {
                Thread.sleep(BUDGET.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Health.up().build();
    }
}
