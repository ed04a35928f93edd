package io.baseplane.app.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the event store: it answers a head-of-stream query. Reported as {@code eventStore} in the
 * readiness group.
 */
@Component("eventStore")
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        super("Event store check failed");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        long position = head instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() : -1;
        builder.up().withDetail("headPosition", position);
    }
}
