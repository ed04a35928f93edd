package io.baseplane.command.workspace.lookup;

import io.baseplane.command.workspace.AggregateIdentifiers;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the event store itself rather than a lookup table: every aggregate's first event is there. Through Axon's
 * {@code EventStore} rather than SQL on its table, so it answers alike on PostgreSQL and on Axon Server (ADR 0021). On
 * PostgreSQL the question is an index probe on the unique key {@code (aggregate_identifier, sequence_number)}, in the
 * transaction of the command that asks.
 */
@Component
public class StoredAggregateIdentifiers implements AggregateIdentifiers {

    /** Looked up when first asked: the event store is assembled with Axon's configuration, after this component. */
    private final ObjectProvider<EventStore> eventStore;

    public StoredAggregateIdentifiers(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String aggregateIdentifier) {
        return eventStore.getObject().lastSequenceNumberFor(aggregateIdentifier).isPresent();
    }
}
