package io.baseplane.app.axon;

import io.baseplane.app.axonserver.AxonServerProfile;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The event store on PostgreSQL through Axon's JDBC storage engine, over the tables of the Flyway
 * migrations (snake_case names, bytea payloads). The JDBC engine was chosen over the JPA one by
 * measurement: docs/adr/0002-event-storage-engine.md.
 *
 * <p>Inactive under the {@code axonserver} profile, where Axon Server is the event store.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile(AxonServerProfile.INACTIVE)
class EventStoreConfiguration {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws java.sql.SQLException {
        // Recognises PostgreSQL's unique violation, which Axon turns into a ConcurrencyException when two
        // writers append the same sequence number to one aggregate.
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    EventSchema eventSchema() {
        return PlatformEventSchema.create();
    }

    /** Reads of the engine join the surrounding transaction as they are; no savepoint per read. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          PlatformTransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          Configuration configuration,
                                          AxonProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(new SpringTransactionManager(transactionManager))
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(properties.eventBatchSize())
                .build();
    }
}
