package io.baseplane.app.observability;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the event store: it answers a head-of-stream query. Reported as {@code eventStore} in the
 * readiness group.
 */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStreamHead head;

    EventStoreHealthIndicator(EventStreamHead head) {
        super("Event store check failed");
        this.head = head;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("headPosition", head.position());
    }
}
