package io.baseplane.app.observability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A check that answers within its budget: DOWN ("no answer within …") when the checked resource does not. A
 * database that stopped answering makes a connection wait for the pool's timeout and a statement for its own,
 * seconds each, while a load balancer needs readiness now. The check goes on in the background, and a probe
 * arriving meanwhile waits for that same check instead of starting another, so a hung database costs one thread
 * per check however often it is probed.
 */
final class TimeBoundedHealthIndicator implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration budget;
    private final Executor executor;
    private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();

    TimeBoundedHealthIndicator(HealthIndicator check, Duration budget, Executor executor) {
        this.check = check;
        this.budget = budget;
        this.executor = executor;
    }

    @Override
    public Health health() {
        try {
            return current().get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + budget.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", "check failed").build();
        }
    }

    private CompletableFuture<Health> current() {
        while (true) {
            CompletableFuture<Health> inFlight = running.get();
            if (inFlight != null && !inFlight.isDone()) {
                return inFlight;
            }
            CompletableFuture<Health> next = new CompletableFuture<>();
            if (running.compareAndSet(inFlight, next)) {
                executor.execute(() -> {
                    try {
                        next.complete(check.health());
                    } catch (RuntimeException e) {
                        next.completeExceptionally(e);
                    }
                });
                return next;
            }
        }
    }
}
