package io.baseplane.app.axonserver;

import io.baseplane.app.axon.FailureTranslatingCommandBus;
import io.baseplane.app.axon.ReadModelProcessorCustomizer;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * What the {@code axonserver} profile adds to Axon's own Axon Server wiring (ADR 0021): the connection in readiness,
 * refusals that cross the buses with their details, and read-model processors that start while Axon Server is out of
 * reach.
 */
@Configuration(proxyBeanMethods = false)
@Profile(AxonServerProfile.NAME)
class AxonServerProfileConfiguration {

    /** The qualifier Axon's {@code AxonServerCommandBus} takes the bus that runs this node's handlers by. */
    private static final String LOCAL_SEGMENT = "localSegment";

    /** The name Axon's own command bus reports its metrics under ({@code commandBus_*}). */
    private static final String COMMAND_BUS_METRICS = "commandBus";

    /**
     * Readiness names it {@code axonServerConnection} (application-axonserver.yml); not {@code axonServer}, the bean
     * Axon's own indicator takes once it supports Spring Boot 4.
     */
    @Bean
    HealthIndicator axonServerConnectionHealthIndicator(AxonServerConnectionManager connections,
                                              AxonServerConfiguration configuration) {
        return new AxonServerConnectionHealthIndicator(connections, configuration.getServers());
    }

    /**
     * The bus that runs the commands Axon Server routes to this node: Axon's own local segment (as its
     * auto-configuration builds it), whose failed commands leave with their refusal as details. The whole result is
     * translated, so a refusal raised while the unit of work commits (a workspace name claimed concurrently, an append
     * that lost a race) travels as well as one its handler threw.
     */
    @Bean
    @Qualifier(LOCAL_SEGMENT)
    CommandBus localCommandBus(TransactionManager transactionManager,
                               org.axonframework.config.Configuration axonConfiguration,
                               DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus handlers = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, COMMAND_BUS_METRICS))
                .build();
        handlers.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return new FailureTranslatingCommandBus(handlers, DetailedRefusals::ofCommand);
    }

    /**
     * Query handlers' refusals leave this node with their details. Axon Server's query bus hands the interceptor to its
     * local segment; it is in place with the handlers, before the bus takes queries from Axon Server.
     */
    @Bean
    ConfigurerModule queryRefusalsTravelWithDetails() {
        QueryRefusalsWithDetails interceptor = new QueryRefusalsWithDetails();
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                () -> configuration.queryBus().registerHandlerInterceptor(interceptor)));
    }

    /**
     * A read-model processor without tokens starts at the beginning of the stream, as before, but without asking Axon
     * Server where that is: Axon's default asks for the tail token while the processor starts, and while Axon Server is
     * out of reach that failed the whole start-up. A null token is the beginning of the stream.
     */
    @Bean
    ReadModelProcessorCustomizer readModelsStartWithoutAskingAxonServer() {
        return (name, configuration, builder) -> builder.initialToken(source -> null);
    }
}
