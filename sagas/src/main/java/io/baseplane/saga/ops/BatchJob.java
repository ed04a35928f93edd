package io.baseplane.saga.ops;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A batch action as a job.
 *
 * @param status     RUNNING, then SUCCEEDED once every saga was tried, or FAILED if the job could not run
 * @param total      the sagas the filter matched when the job started, to which the action applies
 * @param done       of those, how many took the action (journal entry and event written)
 * @param failed     how many refused it (their status changed meanwhile, they ended) or failed
 * @param filter     the filter, as given
 * @param finishedAt null while RUNNING
 */
public record BatchJob(UUID jobId, BatchAction action, String status, int total, int done, int failed,
                       String reason, String actor, Map<String, Object> filter, Instant createdAt,
                       Instant finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
