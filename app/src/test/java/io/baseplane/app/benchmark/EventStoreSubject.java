package io.baseplane.app.benchmark;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/** One of the event stores under comparison, each in a database of its own. */
interface EventStoreSubject extends AutoCloseable {

    String name();

    BenchmarkDatabase database();

    /** Stores one event in a transaction of its own, as the unit of work of a command would. */
    void append(DomainEventMessage<?> event);

    /** Stores the events in one transaction; for setting up the read benchmarks, not measured. */
    void load(List<? extends DomainEventMessage<?>> events);

    /**
     * Reads all events of the aggregate in one transaction, as loading an aggregate for a command does,
     * deserializing every payload. Returns the number of events read.
     */
    int readAggregate(String aggregateIdentifier);

    /**
     * Streams the first {@code count} events of the store from the very start, as a tracking processor
     * does, deserializing every payload. Returns the number of events read.
     */
    int readTracked(int count);

    @Override
    void close();
}
