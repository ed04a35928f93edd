package io.baseplane.saga.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The saga instances still listed (active, or ended within {@code baseplane.sagas.retention}), counted.
 *
 * @param oldestStuckAgeSeconds how long the stuck saga that has gone longest without progress has done so;
 *                              null when none is stuck
 */
public record SagaOverview(Instant at, List<TypeCounts> types, long stuck, Long oldestStuckAgeSeconds) {

    /** One saga type: how many are in each status (every status named, zero included) and how many are stuck. */
    public record TypeCounts(String type, long total, Map<String, Long> byStatus, long stuck,
                             Long oldestStuckAgeSeconds) {
    }
}
