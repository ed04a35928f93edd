package io.baseplane.app.observability;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The global index of the newest stored event, the reference every processor's lag is measured against. */
@Component
class EventStreamHead {

    private final EventStore eventStore;

    EventStreamHead(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** -1 for an empty store. */
    long position() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
