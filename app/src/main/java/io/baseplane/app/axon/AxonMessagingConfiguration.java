package io.baseplane.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.command.CommandSideLookups;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.saga.common.SagaProperties;
import io.baseplane.saga.workflow.trigger.WorkflowTriggerHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's messaging: Jackson serialisation, message metadata, snapshots, the aggregate cache and the
 * processing group that keeps the command side's lookup tables.
 */
@Configuration(proxyBeanMethods = false)
class AxonMessagingConfiguration {

    /**
     * How often a tracking processor looks for segments it may claim: a segment released by another node, or left by
     * one that died, is taken within a second (docs/adr/0019). The view processors' is in application.yml.
     */
    private static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(1);

    /** Well below the token claim timeout (baseplane.node.claim-timeout, 10 s): see {@link IgnoredEventsTokenStore}. */
    private static final Duration IGNORED_EVENTS_TOKEN_INTERVAL = Duration.ofSeconds(1);

    /**
     * The Jackson 2 mapper Axon's JacksonSerializer uses for events, messages, snapshots, tokens and
     * sagas (Spring Boot 4 itself brings Jackson 3 for HTTP). Axon looks it up by this bean name.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // An older node may read an event a newer version wrote; unknown fields must not stop it.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Every message carries the id of the chain it belongs to and of the message that caused it. Axon 4's
     * provider names these the other way round: its first key ("correlation") gets the direct parent's id,
     * its second ("trace") the id of the chain's first message. Hence causation first, correlation second.
     */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(MetaDataKeys.CAUSATION_ID, MetaDataKeys.CORRELATION_ID);
    }

    /** Who acted, and in which tenant, travels from each command to the events and commands it causes. */
    @Bean
    CorrelationDataProvider callerIdentity() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.USER_ID, MetaDataKeys.TENANT_ID);
    }

    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, AxonProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Keeps loaded aggregates between commands so a hot aggregate is not re-read from the store: the
     * {@code aggregate-cache-size} most recently used (docs/adr/0013). An entry is checked against the store before a
     * command uses it, so a node never decides on an aggregate another node has changed since (docs/adr/0017).
     */
    @Bean
    Cache aggregateCache(AxonProperties properties, ObjectProvider<EventStore> eventStore) {
        return new StoreCheckedAggregateCache(new BoundedAggregateCache(properties.aggregateCacheSize()),
                eventStore::getObject);
    }

    /**
     * The lookup tables must change in the same transaction as the events, and a failure there (a name
     * claimed by a concurrent transaction) must fail the command rather than be logged and ignored.
     */
    @Bean
    ConfigurerModule commandSideLookupsAreTransactional() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CommandSideLookups.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CommandSideLookups.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }

    /**
     * The workflow trigger handler reacts to what happens from now on: a processor that started at the
     * tail of the stream would, on its first start, run every event-triggered workflow for old events.
     */
    @Bean
    ConfigurerModule workflowTriggersStartAtTheHead() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(WorkflowTriggerHandler.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    /**
     * Each saga processor has {@code baseplane.sagas.segments} segments, each with a thread: sagas of different
     * instances run in parallel (Axon puts an instance in the segment its identifier hashes to), on one node or
     * spread over several through the segment claims in the token store (docs/adr/0015). Like Axon's default for
     * sagas, which this configuration replaces, a processor without tokens starts at the head: one added to a
     * platform with history, or whose tokens were removed, must not start sagas again for events long handled.
     */
    @Bean
    ConfigurerModule sagasRunInParallelSegments(SagaProperties sagaProperties) {
        int segments = sagaProperties.segments();
        return configurer -> configurer.eventProcessing(processing -> PlatformProcessors.SAGAS.forEach(
                name -> processing.registerTrackingEventProcessorConfiguration(name,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments)
                                .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))));
    }

    /**
     * The reactions' tracking processors write a token that only moved past events they ignore at most once a
     * second, instead of after every event (docs/adr/0013).
     */
    @Bean
    ConfigurerModule reactionsWriteIgnoredProgressSparingly(TokenStore tokenStore) {
        TokenStore sparing = new IgnoredEventsTokenStore(tokenStore, IGNORED_EVENTS_TOKEN_INTERVAL, Clock.systemUTC());
        return configurer -> configurer.eventProcessing(processing -> PlatformProcessors.REACTIONS.forEach(
                name -> processing.registerTokenStore(name, configuration -> sparing)));
    }

    /**
     * Axon's default logs a failed handler and moves on, which would silently drop a saga step or leave a
     * view without an event. Propagating rolls the batch back; the streaming processor retries it with
     * backoff, so the event is handled once the cause (a database hiccup, a deployed fix) is gone.
     */
    @Bean
    ConfigurerModule failedEventHandlingIsRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
