package io.baseplane.app.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

/**
 * A change to how every read-model processor is built. Axon keeps one configuration per processor name, a second
 * registration replacing the first; so the read models' is registered once ({@code ReadModelProcessingConfiguration})
 * and applies every customizer bean in turn.
 */
@FunctionalInterface
public interface ReadModelProcessorCustomizer {

    PooledStreamingEventProcessor.Builder customize(String processor, Configuration configuration,
                                                    PooledStreamingEventProcessor.Builder builder);
}
