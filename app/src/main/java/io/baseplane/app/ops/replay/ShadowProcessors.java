package io.baseplane.app.ops.replay;

import io.baseplane.app.node.NodeProperties;
import io.baseplane.app.persistence.FailureKinds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shadow processors this node runs: for each blue-green replay that is building, one pooled processor with the live
 * processor's own handlers, its own tokens (claimed through the same token store, so nodes share its segments as they
 * share the live one's), and transactions that write to the shadow tables. A handler failure that is not transient
 * fails the replay: the projector cannot build the view, and retrying would not change that.
 */
@Component
class ShadowProcessors {

    private static final Logger log = LoggerFactory.getLogger(ShadowProcessors.class);

    /** Events per transaction while rebuilding, as the live view processors take them when behind. */
    private static final int BATCH_SIZE = 500;
    private static final int THREADS = 2;

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final EventBounds bounds;
    private final ShadowTransactions transactions;
    private final NodeProperties node;
    private final Map<UUID, Shadow> running = new ConcurrentHashMap<>();
    private final Map<UUID, String> failures = new ConcurrentHashMap<>();

    private record Shadow(String name, PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                          ScheduledExecutorService workers) {
    }

    ShadowProcessors(EventProcessingConfiguration processing, TokenStore tokenStore, EventStore eventStore,
                     EventBounds bounds, ShadowTransactions transactions, NodeProperties node) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.bounds = bounds;
        this.transactions = transactions;
        this.node = node;
    }

    /** Runs a shadow for each of these replays and stops every other one. */
    void runOnly(List<Replay> replays) {
        Set<UUID> wanted = replays.stream().map(Replay::id).collect(Collectors.toSet());
        running.keySet().stream().filter(id -> !wanted.contains(id)).toList().forEach(this::stop);
        for (Replay replay : replays) {
            if (!running.containsKey(replay.id()) && !failures.containsKey(replay.id())) {
                start(replay).ifPresent(shadow -> running.put(replay.id(), shadow));
            }
        }
    }

    /** The shadows running here, by processor name: the heartbeat reports them, and the deal shares their segments. */
    Map<String, StreamingEventProcessor> byName() {
        Map<String, StreamingEventProcessor> byName = new HashMap<>();
        running.values().forEach(shadow -> byName.put(shadow.name(), shadow.processor()));
        return byName;
    }

    /** Replays whose shadow failed here since the last call, with the failure. */
    Map<UUID, String> takeFailures() {
        Map<UUID, String> taken = new HashMap<>(failures);
        taken.keySet().forEach(failures::remove);
        return taken;
    }

    void stopAll() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }

    private Optional<Shadow> start(Replay replay) {
        Optional<AbstractEventProcessor> live = processing.eventProcessor(replay.processor())
                .filter(AbstractEventProcessor.class::isInstance).map(AbstractEventProcessor.class::cast);
        if (live.isEmpty()) {
            // Not a node that runs this view: others build the shadow.
            return Optional.empty();
        }
        EventHandlerInvoker liveHandlers = live.get().eventHandlerInvoker();
        String name = replay.shadowProcessor();
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(THREADS,
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor shadow = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlersOf(liveHandlers))
                        .sequencingPolicy(sequencingOf(liveHandlers))
                        .listenerInvocationErrorHandler(failingReplay(replay.id()))
                        .build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(bounds.source(name, eventStore))
                .tokenStore(tokenStore)
                .transactionManager(transactions.into(replay.shadowSchema()))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialToken(source -> ReplayTokens.shadowStart())
                .tokenClaimInterval(1000)
                .claimExtensionThreshold(node.claimTimeout().toMillis() / 2)
                .batchSize(BATCH_SIZE)
                .build();
        shadow.start();
        log.info("Shadow processor {} started: replay {} builds {} into schema {}", name, replay.id(),
                replay.processor(), replay.shadowSchema());
        return Optional.of(new Shadow(name, shadow, coordinator, workers));
    }

    private void stop(UUID replayId) {
        Shadow shadow = running.remove(replayId);
        if (shadow == null) {
            return;
        }
        try {
            shadow.processor().shutDown();
        } finally {
            shadow.coordinator().shutdownNow();
            shadow.workers().shutdownNow();
        }
        log.info("Shadow processor {} stopped", shadow.name());
    }

    private ListenerInvocationErrorHandler failingReplay(UUID replayId) {
        return (exception, event, handler) -> {
            if (!FailureKinds.isTransient(exception)) {
                failures.putIfAbsent(replayId, "Event " + event.getIdentifier() + " ("
                        + event.getPayloadType().getName() + ") failed in the rebuilt view: " + exception);
            }
            throw exception;
        };
    }

    private static List<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> handlersOf(delegate).stream()).toList();
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        throw new IllegalStateException("Cannot rebuild with handlers of " + invoker.getClass().getName());
    }

    private static SequencingPolicy<? super EventMessage<?>> sequencingOf(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return sequencingOf(multi.delegates().get(0));
        }
        return ((SimpleEventHandlerInvoker) invoker).getSequencingPolicy();
    }
}
