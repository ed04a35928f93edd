package io.baseplane.saga.ops;

import io.baseplane.kernel.saga.SagaStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One saga instance with what an operator needs to understand it: its row, its state (decoded, secrets
 * redacted; null once the saga ended and Axon dropped it), its association values, its pending deadlines and
 * a timeline of its journal merged with the events of the aggregates it is associated with.
 */
public record SagaDetail(String sagaId, String type, String key, UUID tenantId, SagaStatus status,
                         String currentStep, int attempts, String lastError, Instant startedAt,
                         Instant lastProgressAt, Instant endedAt, boolean stuck, Map<String, Object> state,
                         List<Association> associations, List<PendingDeadline> deadlines,
                         List<TimelineEntry> timeline) {

    static SagaDetail of(SagaSummary saga, Map<String, Object> state, List<Association> associations,
                         List<PendingDeadline> deadlines, List<TimelineEntry> timeline) {
        return new SagaDetail(saga.sagaId(), saga.type(), saga.key(), saga.tenantId(), saga.status(),
                saga.currentStep(), saga.attempts(), saga.lastError(), saga.startedAt(), saga.lastProgressAt(),
                saga.endedAt(), saga.stuck(), state, List.copyOf(associations), List.copyOf(deadlines),
                List.copyOf(timeline));
    }

    /** An association value of the saga: Axon routes events whose {@code key} property has this value to it. */
    public record Association(String key, String value) {
    }
}
