package io.baseplane.app.ops.replay;

import io.baseplane.app.axon.ReadModelProcessorCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay tooling's settings, and the view processors' event streams it can hold still (docs/adr/0022). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {

    /**
     * Each view processor reads the event store through a stream the replay tooling can bound, so that while a
     * blue-green replay compares the view with its rebuilt shadow both stand at the same event. Unbounded, it reads
     * exactly as the store's own stream.
     */
    @Bean
    ReadModelProcessorCustomizer viewProcessorsReadBoundableStreams(EventBounds bounds) {
        return (name, config, builder) -> builder.messageSource(bounds.source(name, config.eventStore()));
    }
}
