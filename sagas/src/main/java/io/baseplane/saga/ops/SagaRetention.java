package io.baseplane.saga.ops;

import io.baseplane.saga.common.SagaProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes the rows of sagas that ended longer than {@code baseplane.sagas.retention} ago, and finished batch
 * jobs as old, once an hour on every node (a delete by date: nodes doing it at once do no harm). The saga
 * journal is kept: it is the long-term record; these rows only serve the explorer.
 */
@Component
public class SagaRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaRetention.class);
    /** Rows wait at most this long past their retention: nothing depends on them going sooner. */
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final SagaInstances instances;
    private final BatchJobs jobs;
    private final SagaProperties properties;
    private ScheduledExecutorService scheduler;

    public SagaRetention(SagaInstances instances, BatchJobs jobs, SagaProperties properties) {
        this.instances = instances;
        this.jobs = jobs;
        this.properties = properties;
    }

    /** Deletes what is past retention now; returns how many saga rows went. */
    public int purge() {
        int sagas = instances.purgeEnded();
        int finishedJobs = jobs.purgeFinished(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.retention()));
        if (sagas > 0 || finishedJobs > 0) {
            log.info("Forgot {} sagas and {} batch jobs that ended more than {} ago", sagas, finishedJobs,
                    properties.retention());
        }
        return sagas;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "saga-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, FIRST_RUN_AFTER.toSeconds(), INTERVAL.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // A database hiccup: the next run catches up. The scheduler must not die of it.
            log.warn("Purging ended sagas failed; retried in {}", INTERVAL, e);
        }
    }
}
