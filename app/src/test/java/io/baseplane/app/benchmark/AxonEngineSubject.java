package io.baseplane.app.benchmark;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * An Axon {@link EventStorageEngine} used the way the platform's units of work use it: every append and every
 * aggregate read runs in a transaction opened through Axon's {@link TransactionManager} (a
 * SpringTransactionManager over the engine's own Spring PlatformTransactionManager), which the engine's own
 * {@code executeInTransaction}/{@code fetchInTransaction} then join. The tracking read opens no transaction
 * around the stream; the engine runs each batch in a transaction of its own, as for a tracking processor.
 */
final class AxonEngineSubject implements EventStoreSubject {

    private final String name;
    private final BenchmarkDatabase database;
    private final EventStorageEngine engine;
    private final TransactionManager transactionManager;
    private final AutoCloseable resources;

    AxonEngineSubject(String name, BenchmarkDatabase database, EventStorageEngine engine,
                      TransactionManager transactionManager, AutoCloseable resources) {
        this.name = name;
        this.database = database;
        this.engine = engine;
        this.transactionManager = transactionManager;
        this.resources = resources;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BenchmarkDatabase database() {
        return database;
    }

    @Override
    public void append(DomainEventMessage<?> event) {
        Transaction transaction = transactionManager.startTransaction();
        try {
            engine.appendEvents(event);
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    @Override
    public void load(List<? extends DomainEventMessage<?>> events) {
        transactionManager.executeInTransaction(() -> engine.appendEvents(events));
    }

    @Override
    public int readAggregate(String aggregateIdentifier) {
        return transactionManager.fetchInTransaction(() -> {
            DomainEventStream stream = engine.readEvents(aggregateIdentifier);
            int read = 0;
            while (stream.hasNext()) {
                stream.next().getPayload();
                read++;
            }
            return read;
        });
    }

    @Override
    public int readTracked(int count) {
        int[] read = {0};
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            stream.limit(count).forEach(event -> {
                event.getPayload();
                read[0]++;
            });
        }
        return read[0];
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + name, e);
        } finally {
            database.close();
        }
    }
}
