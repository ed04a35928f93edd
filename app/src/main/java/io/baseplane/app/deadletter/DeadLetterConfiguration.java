package io.baseplane.app.deadletter;

import io.baseplane.app.persistence.TransactionManagersConfiguration;
import io.baseplane.projection.ReadModelGroups;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters for the view processors ({@link ReadModelGroups#ALL}): each gets Axon's JDBC dead-letter queue on
 * {@value #TABLE}, so a handler that keeps failing on an event parks that aggregate's events and the processor goes
 * on with the others (docs/adr/0023). Sagas keep their own failure policy (docs/adr/0015) and get no queue.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String TABLE = "dead_letter_entry";

    /**
     * Axon's bounds: at most this many parked aggregates per processor, and events per aggregate. Beyond them a failure
     * is not parked but fails the batch, which the processor retries as before: a bug that hits every aggregate stops
     * the view rather than filling the table. Also the page size the queue reads a sequence with (a whole sequence).
     */
    static final int MAX_SEQUENCES = 1024;
    static final int MAX_SEQUENCE_SIZE = 1024;

    /** Axon's column names in the snake_case of V19__dead_letters.sql. */
    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable(TABLE)
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * Per view processor: the queue, the policy that decides what a failure leads to ({@link ParkingPolicy}), a reset
     * (a replay) that empties the queue since the replay handles every parked event again, {@link RetryContainment}
     * around retried letters, and {@link CommitFailureDiagnosis} to find the event behind a batch that failed at
     * commit. Axon's cache of parked sequences stays off (see {@link ParkingQueue}).
     */
    @Bean
    ConfigurerModule viewsParkEventsThatKeepFailing(
            DataSource dataSource, JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory,
            @Qualifier(TransactionManagersConfiguration.READ_MODELS) JpaTransactionManager readModels,
            PlatformTransactionManager transactionManager) {
        RetryContainment containment = new RetryContainment(dataSource, entityManagerFactory);
        TransactionTemplate parkings = new TransactionTemplate(readModels);
        parkings.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JoiningTransactionManager queueTransactions =
                new JoiningTransactionManager(new SpringTransactionManager(transactionManager));
        Map<String, CommitFailureDiagnosis> diagnoses = new ConcurrentHashMap<>();
        return configurer -> configurer.eventProcessing(processing -> ReadModelGroups.ALL.forEach(group -> processing
                .registerDeadLetterQueue(group, c -> new ParkingQueue(
                        jdbcQueue(group, c, dataSource, queueTransactions), group, sequencing(c, group), parkings,
                        jdbc))
                .registerDeadLetterPolicy(group,
                        c -> new ParkingPolicy(diagnosis(diagnoses, group, c, entityManagerFactory)))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker.allowReset(true))
                .registerHandlerInterceptor(group, c -> containment)
                .registerHandlerInterceptor(group, c -> diagnosis(diagnoses, group, c, entityManagerFactory))));
    }

    /**
     * The processor's diagnosis: one per processor, shared by its policy and its interceptors (Axon asks for a
     * processor's interceptors once for it and once for its dead-lettering invoker).
     */
    private static CommitFailureDiagnosis diagnosis(Map<String, CommitFailureDiagnosis> diagnoses, String group,
                                                    Configuration c, EntityManagerFactory entityManagerFactory) {
        return diagnoses.computeIfAbsent(group, name -> new CommitFailureDiagnosis(name, entityManagerFactory,
                () -> c.eventProcessingConfiguration().deadLetterQueue(name).orElseThrow(), sequencing(c, name)));
    }

    /**
     * Axon's JDBC queue. The event, its metadata and the diagnostics are written with the <em>event</em> serializer,
     * the one the event store uses: the stored payload is the same Jackson JSON with the same payload type and
     * revision as in {@code domain_event_entry}, which is what lets {@link UpcastingLetterConverter} run the event
     * store's upcasters over it on retry (and lets an operator read it with SQL). Only the tracking token goes through
     * the general serializer. Connections come straight from Spring's transaction (not the unit-of-work-aware
     * provider, which keeps the unit's first connection): a parking writes on the connection of its own transaction.
     */
    private static SequencedDeadLetterQueue<EventMessage<?>> jdbcQueue(String group, Configuration c,
                                                                       DataSource dataSource,
                                                                       JoiningTransactionManager transactions) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .schema(SCHEMA)
                // Given although the statements and the converter below are our own: Axon's builder also builds its
                // defaults from them, and refuses to without.
                .genericSerializer(c.serializer())
                .eventSerializer(c.eventSerializer())
                .statementFactory(new PagedStatementFactory(SCHEMA, c.serializer(), c.eventSerializer()))
                .converter(new UpcastingLetterConverter(SCHEMA, c.serializer(), c.eventSerializer(), c.upcasterChain()))
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .pageSize(MAX_SEQUENCE_SIZE)
                .build();
    }

    /**
     * The sequence of an event as the processor's invoker sees it: the policy's, else the event's own id. Looked up
     * when an event is parked, once the processing configuration is complete.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<EventMessage<?>, Object> sequencing(Configuration c, String group) {
        return event -> {
            SequencingPolicy policy = c.eventProcessingConfiguration().sequencingPolicy(group);
            return Optional.ofNullable(policy.getSequenceIdentifierFor(event)).orElseGet(event::getIdentifier);
        };
    }
}
