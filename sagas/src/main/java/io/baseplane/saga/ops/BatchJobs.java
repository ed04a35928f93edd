package io.baseplane.saga.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Batch actions: the sagas a filter matches take the action one by one, on a small executor of this node,
 * each by the single action's own path (its own transaction, journal entry and event). The job is a row of
 * {@code saga_batch_job}, so any node answers for its progress. The sagas are chosen when the job starts;
 * one whose status changed meanwhile refuses the action and counts as failed.
 *
 * <p>A job lives in the memory of the node that started it: if that node stops, the job stays RUNNING with
 * the progress it had made, and an operator starts another for what is left.
 */
@Component
public class BatchJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jobs of this node run one at a time; a few more may wait. */
    private static final int QUEUED_JOBS = 16;
    private static final int MAX_ACTOR_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final SagaInstances instances;
    private final SagaActions actions;
    private final ThreadPoolExecutor executor;
    private final Clock clock;

    @Autowired
    public BatchJobs(JdbcTemplate jdbc, SagaInstances instances, SagaActions actions) {
        this(jdbc, instances, actions, Clock.systemUTC());
    }

    BatchJobs(JdbcTemplate jdbc, SagaInstances instances, SagaActions actions, Clock clock) {
        this.jdbc = jdbc;
        this.instances = instances;
        this.actions = actions;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_JOBS),
                runnable -> {
                    Thread thread = new Thread(runnable, "saga-batch-job");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** How many sagas the action would touch now: those the filter matches that can take it. */
    public long count(SagaFilter filter, BatchAction action) {
        return instances.countActive(filter, action.applicable());
    }

    /** Starts a job over the sagas that match now and can take the action; answers it as it starts. */
    public BatchJob start(SagaFilter filter, BatchAction action, String reason, Operator operator) {
        String why = SagaActions.reason(reason);
        List<String> sagaIds = instances.activeIds(filter, action.applicable());
        UUID jobId = UUID.randomUUID();
        jdbc.update("insert into saga_batch_job (job_id, action, filter, reason, actor, status, total, created_at) "
                        + "values (?, ?, ?::jsonb, ?, ?, ?, ?, ?)",
                new Object[] {jobId, action.name(), json(filter.asMap()), why,
                        Text.sanitized(operator.userId(), MAX_ACTOR_LENGTH), BatchJob.RUNNING, sagaIds.size(),
                        OffsetDateTime.now(clock)},
                new int[] {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE});
        try {
            executor.execute(() -> run(jobId, action, sagaIds, why, operator));
        } catch (RejectedExecutionException e) {
            log.warn("Batch job {} not run: this node has {} jobs waiting already", jobId, QUEUED_JOBS);
            finish(jobId, BatchJob.FAILED);
        }
        return find(jobId);
    }

    public BatchJob find(UUID jobId) {
        return jdbc.query("select * from saga_batch_job where job_id = ?", (row, n) -> job(row), jobId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("job", jobId));
    }

    /** Forgets jobs that finished before the sagas' retention period. */
    int purgeFinished(OffsetDateTime before) {
        return jdbc.update("delete from saga_batch_job where finished_at < ?", before);
    }

    private void run(UUID jobId, BatchAction action, List<String> sagaIds, String reason, Operator operator) {
        try {
            for (String sagaId : sagaIds) {
                if (executor.isShutdown()) {
                    log.warn("Batch job {} stopped: the node is shutting down", jobId);
                    finish(jobId, BatchJob.FAILED);
                    return;
                }
                boolean applied = apply(jobId, action, sagaId, reason, operator);
                jdbc.update(applied ? "update saga_batch_job set done = done + 1 where job_id = ?"
                        : "update saga_batch_job set failed = failed + 1 where job_id = ?", jobId);
            }
            finish(jobId, BatchJob.SUCCEEDED);
        } catch (RuntimeException e) {
            log.error("Batch job {} failed", jobId, e);
            try {
                finish(jobId, BatchJob.FAILED);
            } catch (RuntimeException again) {
                log.error("Batch job {}: its failure could not be recorded", jobId, again);
            }
        }
    }

    private boolean apply(UUID jobId, BatchAction action, String sagaId, String reason, Operator operator) {
        try {
            actions.apply(action, sagaId, reason, operator);
            return true;
        } catch (DomainException refused) {
            log.info("Batch job {}: saga {} refused {}: {}", jobId, sagaId, action, refused.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("Batch job {}: {} of saga {} failed", jobId, action, sagaId, e);
            return false;
        }
    }

    private void finish(UUID jobId, String status) {
        jdbc.update("update saga_batch_job set status = ?, finished_at = ? where job_id = ?",
                status, OffsetDateTime.now(clock), jobId);
    }

    private static BatchJob job(ResultSet row) throws SQLException {
        return new BatchJob(row.getObject("job_id", UUID.class), BatchAction.valueOf(row.getString("action")),
                row.getString("status"), row.getInt("total"), row.getInt("done"), row.getInt("failed"),
                row.getString("reason"), row.getString("actor"), map(row.getString("filter")),
                SagaInstances.instant(row, "created_at"), SagaInstances.instant(row, "finished_at"));
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter is plain JSON", e);
        }
    }

    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saga_batch_job.filter is JSON", e);
        }
    }

    /** Lets a running job see the shutdown and stop between two sagas (it then ends FAILED). */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
