package io.baseplane.app.observability;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every command, query and event handler runs with its message's correlation, tenant and user in the log context. */
@Configuration(proxyBeanMethods = false)
class LoggingContextConfiguration {

    @Bean
    ConfigurerModule messageLogContext() {
        MessageLogContext interceptor = new MessageLogContext();
        return configurer -> {
            configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                    (configuration, processorName) -> interceptor));
            configurer.onInitialize(configuration -> {
                configuration.onStart(() -> {
                    configuration.commandBus().registerHandlerInterceptor(interceptor);
                    configuration.queryBus().registerHandlerInterceptor(interceptor);
                });
            });
        };
    }
}
