package io.baseplane.app.observability;

import io.baseplane.saga.ops.StuckSagas;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Stuck sagas as a health detail ({@code sagas}): how many, per type, and how long the oldest has gone without
 * progress. Always UP: a stuck saga is work for an operator (the saga explorer lists them), not a reason to
 * take the node out of service. UNKNOWN if the count cannot be read; the database check reports that outage.
 */
class StuckSagasHealthIndicator implements HealthIndicator {

    private final StuckSagas stuckSagas;

    StuckSagasHealthIndicator(StuckSagas stuckSagas) {
        this.stuckSagas = stuckSagas;
    }

    @Override
    public Health health() {
        try {
            StuckSagas.Snapshot snapshot = stuckSagas.current();
            Health.Builder health = Health.up()
                    .withDetail("stuck", snapshot.total())
                    .withDetail("stuckByType", new TreeMap<>(snapshot.byType()));
            if (snapshot.oldestStuckAgeSeconds() != null) {
                health.withDetail("oldestStuckAgeSeconds", snapshot.oldestStuckAgeSeconds());
            }
            return health.build();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", "stuck sagas could not be counted").build();
        }
    }
}
