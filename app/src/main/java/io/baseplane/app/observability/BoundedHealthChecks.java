package io.baseplane.app.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health checks that answer within one budget together: each is DOWN ("no answer within …") when what it checks
 * does not answer in time. A database that stopped answering makes a connection wait for the pool's timeout and a
 * statement for its own, seconds each, while a load balancer needs readiness now.
 *
 * <p>Spring Boot asks a group's checks one after the other; asking one starts the others too, so a probe waits one
 * budget in all, not one per check. A check's answer serves for one budget, and a check still running is waited
 * for instead of started again, so a hung database costs one thread per check however often it is probed.
 */
final class BoundedHealthChecks {

    private final Duration budget;
    private final Executor executor;
    private final List<BoundedCheck> checks = new CopyOnWriteArrayList<>();

    BoundedHealthChecks(Duration budget, Executor executor) {
        this.budget = budget;
        this.executor = executor;
    }

    /** {@code check}, answering within the budget shared with the group's other checks. */
    HealthIndicator add(HealthIndicator check) {
        BoundedCheck bounded = new BoundedCheck(check);
        checks.add(bounded);
        return bounded;
    }

    private record Run(CompletableFuture<Health> result, long startedAt) {
    }

    private final class BoundedCheck implements HealthIndicator {

        private final HealthIndicator check;
        private final AtomicReference<Run> current = new AtomicReference<>();

        BoundedCheck(HealthIndicator check) {
            this.check = check;
        }

        @Override
        public Health health() {
            checks.forEach(BoundedCheck::run);
            Run run = run();
            long left = run.startedAt() + budget.toNanos() - System.nanoTime();
            try {
                return run.result().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return Health.down().withDetail("error", "no answer within " + budget.toMillis() + " ms").build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().build();
            } catch (ExecutionException e) {
                return Health.down().withDetail("error", "check failed").build();
            }
        }

        /** The running or fresh run of this check, or a new one. */
        private Run run() {
            while (true) {
                Run last = current.get();
                long now = System.nanoTime();
                if (last != null && (!last.result().isDone() || now - last.startedAt() < budget.toNanos())) {
                    return last;
                }
                Run next = new Run(new CompletableFuture<>(), now);
                if (current.compareAndSet(last, next)) {
                    executor.execute(() -> {
                        try {
                            next.result().complete(check.health());
                        } catch (RuntimeException e) {
                            next.result().completeExceptionally(e);
                        }
                    });
                    return next;
                }
            }
        }
    }
}
