package io.baseplane.saga.common;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a bounded number of threads, fairly between tenants: one tenant runs at most {@code perTenant}
 * tasks at once, and a free thread goes to the tenant that waited longest since it was last served (round
 * robin), so a tenant with many slow calls queues behind itself, never in front of the others.
 */
public final class TenantFairExecutor {

    private static final Object NO_TENANT = new Object();

    private final Executor threads;
    private final int maxRunning;
    private final int perTenant;
    /** Tenants with waiting tasks, longest-unserved first. */
    private final LinkedHashMap<Object, ArrayDeque<Runnable>> waiting = new LinkedHashMap<>();
    private final Map<Object, Integer> running = new HashMap<>();
    private int runningTotal;

    TenantFairExecutor(Executor threads, int maxRunning, int perTenant) {
        this.threads = threads;
        this.maxRunning = maxRunning;
        this.perTenant = perTenant;
    }

    /** A pool of {@code threads} daemon threads named {@code name-N}. */
    public static TenantFairExecutor withThreads(String name, int threads, int perTenant) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        return new TenantFairExecutor(pool, threads, perTenant);
    }

    /** Runs every task on the caller's thread at once: for tests of what is submitted. */
    public static TenantFairExecutor direct() {
        return new TenantFairExecutor(Runnable::run, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    public void execute(Object tenant, Runnable task) {
        Object key = tenant == null ? NO_TENANT : tenant;
        synchronized (this) {
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(task);
        }
        dispatch();
    }

    /** Stops the threads; tasks still waiting are dropped (their sagas' call timeouts retry them). */
    public void shutdown() {
        if (threads instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    /** Tasks waiting for a thread, for tests and metrics. */
    public synchronized int waitingCount() {
        return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private void dispatch() {
        while (true) {
            Object tenant;
            Runnable task;
            synchronized (this) {
                tenant = nextTenant();
                if (tenant == null) {
                    return;
                }
                // Served now: to the back of the line, behind every other tenant that waits.
                ArrayDeque<Runnable> queue = waiting.remove(tenant);
                task = queue.poll();
                if (!queue.isEmpty()) {
                    waiting.put(tenant, queue);
                }
                running.merge(tenant, 1, Integer::sum);
                runningTotal++;
            }
            Object served = tenant;
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished(served);
                }
            });
        }
    }

    private Object nextTenant() {
        if (runningTotal >= maxRunning) {
            return null;
        }
        for (Object tenant : waiting.keySet()) {
            if (running.getOrDefault(tenant, 0) < perTenant) {
                return tenant;
            }
        }
        return null;
    }

    private void finished(Object tenant) {
        synchronized (this) {
            running.computeIfPresent(tenant, (k, n) -> n == 1 ? null : n - 1);
            runningTotal--;
        }
        dispatch();
    }
}
