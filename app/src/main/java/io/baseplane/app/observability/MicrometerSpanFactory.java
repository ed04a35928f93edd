package io.baseplane.app.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.SpanScope;

/**
 * Axon's spans as Micrometer Tracing spans, so a request's trace goes on through the command it sends, the
 * events that command applies and the sagas and views that handle them. The trace context travels in each
 * message's metadata ({@code traceparent}), which is how a handler on another thread, or another node, joins it.
 * Used only while tracing is on (ADR 0014); otherwise Axon keeps its no-op factory.
 */
final class MicrometerSpanFactory implements SpanFactory {

    private final Tracer tracer;
    private final Propagator propagator;
    private final List<SpanAttributesProvider> attributeProviders = new CopyOnWriteArrayList<>();

    MicrometerSpanFactory(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Span createRootTrace(Supplier<String> operationName) {
        return new MicrometerSpan(tracer, tracer.spanBuilder().setNoParent().name(operationName.get()));
    }

    @Override
    public Span createHandlerSpan(Supplier<String> operationName, Message<?> message, boolean isChildTrace,
                                  Message<?>... linkedParents) {
        // Not a child: a trace of its own (links to the sender's trace are not recorded).
        io.micrometer.tracing.Span.Builder builder = isChildTrace
                ? childOf(message)
                : tracer.spanBuilder().setNoParent();
        return withAttributes(builder.name(operationName.get()).kind(io.micrometer.tracing.Span.Kind.CONSUMER),
                message);
    }

    @Override
    public Span createDispatchSpan(Supplier<String> operationName, Message<?> message, Message<?>... linkedSiblings) {
        return withAttributes(currentOrRoot().name(operationName.get()).kind(io.micrometer.tracing.Span.Kind.PRODUCER),
                message);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName) {
        return new MicrometerSpan(tracer, currentOrRoot().name(operationName.get()));
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName, Message<?> message) {
        return withAttributes(currentOrRoot().name(operationName.get()), message);
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        attributeProviders.add(provider);
    }

    /** The message with the current trace context in its metadata, for whoever handles it. */
    @Override
    public <M extends Message<?>> M propagateContext(M message) {
        io.micrometer.tracing.Span current = tracer.currentSpan();
        if (current == null) {
            return message;
        }
        Map<String, String> context = new HashMap<>();
        propagator.inject(current.context(), context, Map::put);
        @SuppressWarnings("unchecked")
        M withContext = (M) message.andMetaData(context);
        return withContext;
    }

    /** A child of the trace the message carries, else of the current span, else a new trace. */
    private io.micrometer.tracing.Span.Builder childOf(Message<?> message) {
        if (carriesContext(message)) {
            return propagator.extract(message.getMetaData(), (metaData, key) -> text(metaData.get(key)));
        }
        return currentOrRoot();
    }

    private io.micrometer.tracing.Span.Builder currentOrRoot() {
        io.micrometer.tracing.Span current = tracer.currentSpan();
        return current == null
                ? tracer.spanBuilder().setNoParent()
                : tracer.spanBuilder().setParent(current.context());
    }

    private boolean carriesContext(Message<?> message) {
        return propagator.fields().stream().anyMatch(message.getMetaData()::containsKey);
    }

    private Span withAttributes(io.micrometer.tracing.Span.Builder builder, Message<?> message) {
        for (SpanAttributesProvider provider : attributeProviders) {
            provider.provideForMessage(message).forEach(builder::tag);
        }
        return new MicrometerSpan(tracer, builder);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Built when Axon starts it, current while Axon runs work in it. */
    private static final class MicrometerSpan implements Span {

        private final Tracer tracer;
        private final io.micrometer.tracing.Span.Builder builder;
        private io.micrometer.tracing.Span span;

        MicrometerSpan(Tracer tracer, io.micrometer.tracing.Span.Builder builder) {
            this.tracer = tracer;
            this.builder = builder;
        }

        @Override
        public Span start() {
            span = builder.start();
            return this;
        }

        @Override
        public SpanScope makeCurrent() {
            Tracer.SpanInScope scope = tracer.withSpan(span);
            return scope::close;
        }

        @Override
        public void end() {
            if (span != null) {
                span.end();
            }
        }

        @Override
        public Span recordException(Throwable failure) {
            if (span != null) {
                span.error(failure);
            }
            return this;
        }

        @Override
        public Span addAttribute(String key, String value) {
            if (span == null) {
                builder.tag(key, value);
            } else {
                span.tag(key, value);
            }
            return this;
        }
    }
}
