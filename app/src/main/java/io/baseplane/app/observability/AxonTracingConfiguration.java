package io.baseplane.app.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.tracing.SpanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While tracing is on, Axon's commands, events, saga steps and queries become spans of the request's trace
 * (ADR 0014). Off, the default, Axon keeps its no-op span factory and pays nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.export.enabled", havingValue = "true")
class AxonTracingConfiguration {

    @Bean
    SpanFactory spanFactory(Tracer tracer, Propagator propagator) {
        return new MicrometerSpanFactory(tracer, propagator);
    }
}
