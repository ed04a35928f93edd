package io.baseplane.app.ops.replay;

import io.baseplane.app.node.LiveNodes;
import io.baseplane.app.node.NodeProperties;
import io.baseplane.app.node.NodeRole;
import io.baseplane.app.ops.ProcessorControls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each processing node's hand on its processors: every tick it reads the pauses and the unfinished replays, stops the
 * processors they hold (and keeps the token store from letting them claim anything), starts again those it stopped
 * once they are no longer held, runs the shadows of the blue-green replays that are building, bounds the streams of
 * the views being compared, and advances each replay whose lock it gets. It runs between the moment the context has
 * started (Axon's processors are running) and the moment it starts closing, so it never starts a processor Axon is
 * stopping.
 */
@Component
class ProcessorSupervisor implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProcessorSupervisor.class);

    private final ProcessorControls controls;
    private final ReplayStore replays;
    private final ReplayCoordinator coordinator;
    private final ReplayLocks locks;
    private final ShadowProcessors shadows;
    private final EventBounds bounds;
    private final LiveNodes liveNodes;
    private final EventProcessingConfiguration processing;
    private final ReplayProperties properties;
    private final boolean processingNode;
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService ticks;

    ProcessorSupervisor(ProcessorControls controls, ReplayStore replays, ReplayCoordinator coordinator,
                        ReplayLocks locks, ShadowProcessors shadows, EventBounds bounds, LiveNodes liveNodes,
                        EventProcessingConfiguration processing, ReplayProperties properties, NodeProperties node) {
        this.controls = controls;
        this.replays = replays;
        this.coordinator = coordinator;
        this.locks = locks;
        this.shadows = shadows;
        this.bounds = bounds;
        this.liveNodes = liveNodes;
        this.processing = processing;
        this.properties = properties;
        this.processingNode = node.has(NodeRole.PROCESSING);
    }

    /** Before Axon starts the processors: a paused one must not claim a segment even for a moment. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!processingNode) {
            return;
        }
        liveNodes.alsoRunning(shadows::byName);
        try {
            liveNodes.hold(holds(replays.unfinished()).held());
        } catch (RuntimeException e) {
            log.warn("Could not read the paused processors before starting them: {}", e.getMessage());
        }
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        if (!processingNode || ticks != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.tick().toMillis();
        executor.scheduleWithFixedDelay(this::tickQuietly, 0, interval, TimeUnit.MILLISECONDS);
        ticks = executor;
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        ScheduledExecutorService executor = ticks;
        ticks = null;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shadows.stopAll();
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Processor supervision failed this tick: {}", e.getMessage());
        }
    }

    private void tick() {
        List<Replay> unfinished = replays.unfinished();
        Holds holds = holds(unfinished);
        bounds.set(holds.bounds());
        liveNodes.hold(holds.held());
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                apply(name, streaming, holds.held().contains(name));
            }
        });
        shadows.runOnly(holds.shadows());
        shadows.takeFailures().forEach((id, failure) -> replays.find(id)
                .filter(replay -> !replay.finished())
                .ifPresent(replay -> coordinator.fail(replay, failure)));
        for (Replay replay : unfinished) {
            locks.ifFree(replay.id(), () -> replays.find(replay.id())
                    .filter(current -> !current.finished())
                    .ifPresent(coordinator::advance));
        }
    }

    /** Stops a held processor; starts again only one it stopped itself (a test or a tool may stop one too). */
    private void apply(String name, StreamingEventProcessor processor, boolean held) {
        if (held && processor.isRunning()) {
            log.info("Stopping processor {}: paused or held by a replay", name);
            processor.shutDown();
            stoppedHere.add(name);
        } else if (!held && stoppedHere.remove(name) && !processor.isRunning()) {
            log.info("Starting processor {}: no longer paused or held", name);
            processor.start();
        }
    }

    /** What the pauses and replays ask of every node now. */
    private Holds holds(List<Replay> unfinished) {
        Set<String> held = new HashSet<>(controls.paused());
        Map<String, Long> bounded = new HashMap<>();
        List<Replay> building = new ArrayList<>();
        for (Replay replay : unfinished) {
            switch (replay.step()) {
                case STOPPING -> held.add(replay.processor());
                case SWITCHING -> {
                    held.add(replay.processor());
                    held.add(replay.shadowProcessor());
                }
                case DISCARDING -> held.add(replay.shadowProcessor());
                case HOLDING -> {
                    bounded.put(replay.processor(), replay.verifyAt());
                    bounded.put(replay.shadowProcessor(), replay.verifyAt());
                }
                default -> {
                }
            }
            if (Replay.SHADOW_RUNS.contains(replay.step())) {
                building.add(replay);
            }
        }
        return new Holds(held, bounded, building);
    }

    private record Holds(Set<String> held, Map<String, Long> bounds, List<Replay> shadows) {
    }
}
