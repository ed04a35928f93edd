package io.baseplane.app.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health checks that answer within one budget together: each is DOWN ("no answer within …") when what it checks
 * does not answer in time. A database that stopped answering makes a connection wait for the pool's timeout and a
 * statement for its own, seconds each, while a load balancer needs readiness now.
 *
 * <p>Spring Boot asks a group's checks one after the other; asking one starts the others too, so a probe waits one
 * budget in all, not one per check. The answer of a check started that way serves the next time it is asked (within
 * the budget), once; a check still running is waited for instead of started again, so a hung database costs one
 * thread per check however often it is probed. Every other answer is the check's own, asked for then.
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

    /** One run of a check; {@code unclaimed} while nobody asked for the answer of a run another check started. */
    private record Run(CompletableFuture<Health> result, long startedAt, AtomicBoolean unclaimed) {
    }

    private final class BoundedCheck implements HealthIndicator {

        private final HealthIndicator check;
        private final AtomicReference<Run> current = new AtomicReference<>();

        BoundedCheck(HealthIndicator check) {
            this.check = check;
        }

        @Override
        public Health health() {
            // This check's last answer was used already (or there is none): a new probe begins with it.
            Run last = current.get();
            boolean newProbe = last == null || !last.unclaimed().get();
            Run run = claimOrStart();
            checks.stream().filter(check -> check != this).forEach(check -> check.startIfIdle(newProbe));
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

        /** The running run of this check, or one another check started for it a moment ago, or a new one. */
        private Run claimOrStart() {
            Run last = current.get();
            if (last != null && (!last.result().isDone() || fresh(last)) && last.unclaimed().compareAndSet(true, false)) {
                return last;
            }
            if (last != null && !last.result().isDone()) {
                return last;
            }
            return start(last, false);
        }

        /**
         * Starts the check for the probe under way unless it is running. At the start of a probe every idle check is
         * started, however recent its last answer (a probe right after another must not wait one budget per check);
         * later in the probe only one whose answer, started for this probe, went stale unasked.
         */
        private void startIfIdle(boolean newProbe) {
            Run last = current.get();
            if (last == null || last.result().isDone() && (newProbe || last.unclaimed().get() && !fresh(last))) {
                start(last, true);
            }
        }

        private boolean fresh(Run run) {
            return System.nanoTime() - run.startedAt() < budget.toNanos();
        }

        private Run start(Run last, boolean forLater) {
            while (true) {
                Run next = new Run(new CompletableFuture<>(), System.nanoTime(), new AtomicBoolean(forLater));
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
                last = current.get();
                if (last != null && !last.result().isDone()) {
                    return last;
                }
            }
        }
    }
}
