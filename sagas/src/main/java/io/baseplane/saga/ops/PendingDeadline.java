package io.baseplane.saga.ops;

import java.time.Instant;

/**
 * A deadline a saga scheduled that has not fired yet (a row of {@code scheduled_tasks} no scheduler has picked).
 *
 * @param deadlineId Axon's schedule id, db-scheduler's task instance
 * @param name       the deadline's name, e.g. {@code workflow-delay-elapsed}
 */
public record PendingDeadline(String deadlineId, String name, Instant dueAt) {
}
