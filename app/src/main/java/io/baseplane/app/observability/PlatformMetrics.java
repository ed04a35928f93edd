package io.baseplane.app.observability;

import io.baseplane.saga.ops.SagaTypes;
import io.baseplane.saga.ops.StuckSagas;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges Axon's own metrics do not give: how far each event processor (and each of its segments) is behind
 * the head of the event stream, in events; whether it runs or is in error; how many sagas of each type are
 * live and how many are stuck; the head itself, whose rate is the event store's append rate. Registered once
 * the application is ready, when every processor exists; values are read when scraped (stuck sagas from a
 * count a few seconds old at most, see {@link StuckSagas}).
 */
@Component
class PlatformMetrics {

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStreamHead head;
    private final JdbcTemplate jdbc;
    private final StuckSagas stuckSagas;

    PlatformMetrics(MeterRegistry registry, EventProcessingConfiguration processing, TokenStore tokenStore,
                    EventStreamHead head, JdbcTemplate jdbc, StuckSagas stuckSagas) {
        this.registry = registry;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.head = head;
        this.jdbc = jdbc;
        this.stuckSagas = stuckSagas;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("baseplane.eventstore.head", head, EventStreamHead::position)
                .description("global index of the newest stored event; its rate is the append rate")
                .register(registry);
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Tags tags = Tags.of("processor", processor.getName());
            Gauge.builder("baseplane.processor.running", processor, p -> p.isRunning() ? 1 : 0).tags(tags)
                    .register(registry);
            Gauge.builder("baseplane.processor.error", processor, p -> p.isError() ? 1 : 0).tags(tags)
                    .register(registry);
            if (processor instanceof StreamingEventProcessor streaming) {
                registerLag(streaming, tags);
            }
        }
        registerSagas();
    }

    private void registerLag(StreamingEventProcessor processor, Tags tags) {
        Gauge.builder("baseplane.processor.lag", processor, this::slowestLag).tags(tags)
                .description("events between the head and the processor's slowest segment on this node")
                .baseUnit("events").register(registry);
        for (int segment : tokenStore.fetchSegments(processor.getName())) {
            Gauge.builder("baseplane.processor.segment.lag", processor, p -> segmentLag(p, segment))
                    .tags(tags.and("segment", Integer.toString(segment)))
                    .description("events between the head and this segment; NaN where another node holds it")
                    .baseUnit("events").register(registry);
        }
    }

    /**
     * Tagged with the journal's saga type ({@code WorkflowExecution}), the type operators filter the list by; the
     * saga store names the class ({@code ….WorkflowExecutionSaga}).
     */
    private void registerSagas() {
        for (String sagaType : SagaTypes.ALL) {
            Gauge.builder("baseplane.sagas.live", jdbc, db -> db.queryForObject(
                            "select count(*) from saga_entry where saga_type like ?", Long.class, "%." + sagaType + "Saga"))
                    .tags("saga", sagaType)
                    .description("saga instances started and not yet ended")
                    .register(registry);
            Gauge.builder("baseplane.sagas.stuck", stuckSagas, stuck -> stuck.current().of(sagaType))
                    .tags("saga", sagaType)
                    .description("saga instances retrying, parked, or without progress and without a pending "
                            + "deadline for baseplane.sagas.stuck-after")
                    .register(registry);
        }
    }

    private double slowestLag(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToDouble(status -> lagOf(status))
                .max().orElse(Double.NaN);
    }

    private double segmentLag(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        return status == null ? Double.NaN : lagOf(status);
    }

    private double lagOf(EventTrackerStatus status) {
        OptionalLong at = status.getCurrentPosition();
        return Math.max(0, head.position() - at.orElse(-1));
    }
}
