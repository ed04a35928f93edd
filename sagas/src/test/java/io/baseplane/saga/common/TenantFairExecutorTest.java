package io.baseplane.saga.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Fairness of the outside-call pool, on threads the test runs by hand: what the executor starts is queued in
 * {@link ManualThreads} and runs only when the test finishes one.
 */
class TenantFairExecutorTest {

    private final ManualThreads threads = new ManualThreads();
    private final List<String> ran = new ArrayList<>();

    @Test
    void oneTenantRunsNoMoreThanItsShareAtOnce() {
        TenantFairExecutor executor = new TenantFairExecutor(threads, 4, 2);

        for (int i = 1; i <= 5; i++) {
            executor.execute("A", task("A" + i));
        }

        assertThat(threads.started()).isEqualTo(2);
        assertThat(executor.waitingCount()).isEqualTo(3);
    }

    @Test
    void anotherTenantIsServedAtOnceWhileTheFirstOneQueuesBehindItself() {
        TenantFairExecutor executor = new TenantFairExecutor(threads, 4, 2);
        for (int i = 1; i <= 10; i++) {
            executor.execute("A", task("A" + i));
        }

        executor.execute("B", task("B1"));

        assertThat(threads.started()).isEqualTo(3);
        threads.finishAll();
        assertThat(ran).startsWith("A1", "A2", "B1");
    }

    @Test
    void tenantsTakeTurnsSoABacklogDoesNotMakeOthersWaitForAllOfIt() {
        TenantFairExecutor executor = new TenantFairExecutor(threads, 1, 1);
        for (int i = 1; i <= 4; i++) {
            executor.execute("A", task("A" + i));
        }
        executor.execute("B", task("B1"));
        executor.execute("C", task("C1"));

        threads.finishAll();

        assertThat(ran).containsExactly("A1", "A2", "B1", "C1", "A3", "A4");
    }

    @Test
    void noMoreThanTheThreadsRunAtOnceWhateverTheTenants() {
        TenantFairExecutor executor = new TenantFairExecutor(threads, 3, 2);

        for (String tenant : List.of("A", "B", "C", "D")) {
            executor.execute(tenant, task(tenant));
        }

        assertThat(threads.started()).isEqualTo(3);
        threads.finishOne();
        assertThat(threads.started()).isEqualTo(3);
        assertThat(ran).containsExactly("A");
        assertThat(executor.waitingCount()).isZero();
    }

    @Test
    void workWithoutATenantIsServedLikeAnyTenants() {
        TenantFairExecutor executor = new TenantFairExecutor(threads, 2, 1);

        executor.execute(null, task("platform"));
        executor.execute("A", task("A1"));

        threads.finishAll();
        assertThat(ran).containsExactly("platform", "A1");
    }

    private Runnable task(String name) {
        return () -> ran.add(name);
    }

    /** Threads the test drives: a started task waits until the test finishes it, oldest first. */
    private static final class ManualThreads implements Executor {

        private final Queue<Runnable> running = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            running.add(task);
        }

        int started() {
            return running.size();
        }

        void finishOne() {
            running.remove().run();
        }

        void finishAll() {
            while (!running.isEmpty()) {
                finishOne();
            }
        }
    }
}
