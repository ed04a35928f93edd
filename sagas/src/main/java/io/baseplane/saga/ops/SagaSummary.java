package io.baseplane.saga.ops;

import io.baseplane.kernel.saga.SagaStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One saga instance as operators list it.
 *
 * @param key     the business key: the tenant, workspace or run the saga is about
 * @param endedAt null while the saga is active
 * @param stuck   retrying, parked, or without progress and without a pending deadline for
 *                {@code baseplane.sagas.stuck-after}
 */
public record SagaSummary(String sagaId, String type, String key, UUID tenantId, SagaStatus status,
                          String currentStep, int attempts, String lastError, Instant startedAt,
                          Instant lastProgressAt, Instant endedAt, boolean stuck) {

    public boolean ended() {
        return endedAt != null;
    }
}
