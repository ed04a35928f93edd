package io.baseplane.app.ops.replay;

import io.baseplane.app.ops.ClusterTokens;
import io.baseplane.app.ops.EventCounts;
import io.baseplane.app.ops.NodeReports;
import io.baseplane.app.ops.replay.Replay.Status;
import io.baseplane.app.ops.replay.Replay.Step;
import io.baseplane.app.persistence.FailureKinds;
import io.baseplane.app.persistence.TransactionManagersConfiguration;
import io.baseplane.kernel.ops.ReplaySwitchRequested;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.ViewTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances a replay by one step when what the step waits for has happened: the processor stopped on every node, the
 * shadow caught up, both sides reached the index they are compared at. Steps are idempotent up to the row's update
 * that ends them, so a node that dies mid-step leaves the step to be done again by another.
 */
@Component
class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);

    /** The weight of the newest measurement in the rate shown (the rest is the rate shown before). */
    private static final double RATE_SMOOTHING = 0.5;

    private final ReplayStore store;
    private final ClusterTokens tokens;
    private final NodeReports nodes;
    private final EventCounts events;
    private final ReplayTokens replayTokens;
    private final ShadowTables shadowTables;
    private final ViewComparison comparison;
    private final EventProcessingConfiguration processing;
    private final EventGateway eventGateway;
    private final TransactionTemplate readModelTransaction;
    private final TransactionTemplate transaction;

    ReplayCoordinator(ReplayStore store, ClusterTokens tokens, NodeReports nodes, EventCounts events,
                      ReplayTokens replayTokens, ShadowTables shadowTables, ViewComparison comparison,
                      EventProcessingConfiguration processing, EventGateway eventGateway,
                      @Qualifier(TransactionManagersConfiguration.READ_MODELS) JpaTransactionManager readModels,
                      PlatformTransactionManager transactionManager) {
        this.store = store;
        this.tokens = tokens;
        this.nodes = nodes;
        this.events = events;
        this.replayTokens = replayTokens;
        this.shadowTables = shadowTables;
        this.comparison = comparison;
        this.processing = processing;
        this.eventGateway = eventGateway;
        this.readModelTransaction = new TransactionTemplate(readModels);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Does the replay's current step if it can be done now; a failure fails the replay. */
    void advance(Replay replay) {
        try {
            switch (replay.step()) {
                case STOPPING -> resetWhenStopped(replay);
                case REPLAYING -> followInPlace(replay);
                case PREPARING -> prepareShadow(replay);
                case BUILDING -> followShadow(replay);
                case HOLDING -> compareWhenHeld(replay);
                case AWAITING_SWITCH -> { }
                case SWITCHING -> switchWhenStopped(replay);
                case DISCARDING -> discardWhenStopped(replay);
                case DONE -> { }
            }
        } catch (RuntimeException e) {
            if (FailureKinds.isTransient(e)) {
                log.warn("Replay {} could not advance now, tries again: {}", replay.id(), e.getMessage());
                return;
            }
            log.error("Replay {} of {} failed in step {}", replay.id(), replay.processor(), replay.step(), e);
            fail(replay, "Step " + replay.step() + " failed: " + e.getMessage());
        }
    }

    /** A failed replay leaves no shadow behind; an in-place one leaves its processor to go on from where it is. */
    void fail(Replay replay, String failure) {
        if (replay.mode() == Replay.Mode.BLUE_GREEN) {
            store.discard(replay, Status.FAILED, failure);
        } else {
            store.finish(replay, Status.FAILED, failure);
        }
    }

    private void resetWhenStopped(Replay replay) {
        if (!nodes.stoppedEverywhere(replay.processor(), replay.stepSince(), tokens)) {
            return;
        }
        AbstractEventProcessor processor = processing.eventProcessor(replay.processor(), AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + replay.processor() + " on this node"));
        readModelTransaction.executeWithoutResult(status -> {
            shadowTables.unlimited();
            replayTokens.reset(replay.processor(), replay.fromIndex(), processor.eventHandlerInvoker());
            // In the reset's transaction: a replay cancelled meanwhile keeps its view and tokens as they were.
            if (!store.step(replay, Status.RUNNING, Step.REPLAYING)) {
                status.setRollbackOnly();
            }
        });
        log.info("Replay {}: {} reset to replay the events after {}", replay.id(), replay.processor(),
                replay.fromIndex());
    }

    private void followInPlace(Replay replay) {
        long done = progress(replay, replay.processor());
        if (done >= replay.eventsTotal()) {
            store.finish(replay, Status.READY, null);
            log.info("Replay {}: {} rebuilt in place ({} events)", replay.id(), replay.processor(), done);
        }
    }

    private void prepareShadow(Replay replay) {
        shadowTables.drop(replay.shadowSchema());
        shadowTables.create(replay.shadowSchema(), tablesOf(replay));
        transaction.executeWithoutResult(status -> {
            replayTokens.delete(replay.shadowProcessor());
            replayTokens.createShadow(replay.shadowProcessor(), replay.processor());
        });
        store.step(replay, Status.RUNNING, Step.BUILDING);
    }

    private void followShadow(Replay replay) {
        long done = progress(replay, replay.shadowProcessor());
        if (done < replay.eventsTotal()) {
            return;
        }
        long head = events.head();
        Long shadowAt = ClusterTokens.lowest(tokens.of(replay.shadowProcessor()));
        if (shadowAt != null && shadowAt >= head) {
            store.holdAt(replay, head);
        } else if (replay.status() != Status.CATCHING_UP) {
            store.step(replay, Status.CATCHING_UP, Step.BUILDING);
        }
    }

    private void compareWhenHeld(Replay replay) {
        long at = replay.verifyAt();
        Long liveAt = ClusterTokens.lowest(tokens.of(replay.processor()));
        Long shadowAt = ClusterTokens.lowest(tokens.of(replay.shadowProcessor()));
        if (liveAt == null || shadowAt == null || liveAt < at || shadowAt < at) {
            return;
        }
        ViewDiff diff = comparison.compare(replay.shadowSchema(), tablesOf(replay));
        boolean switchNow = replay.autoSwitch() && diff.empty();
        // Switching by itself, it is not READY for an operator: it stays VERIFYING until SWITCHED.
        boolean compared = switchNow ? store.compared(replay, DiffJson.write(diff), Status.VERIFYING, Step.SWITCHING)
                : store.compared(replay, DiffJson.write(diff), Status.READY, Step.AWAITING_SWITCH);
        if (compared && switchNow) {
            eventGateway.publish(GenericEventMessage.asEventMessage(new ReplaySwitchRequested(replay.id().toString(),
                    replay.processor(), "autoSwitch: the rebuilt view equals the live one")));
        }
        log.info("Replay {}: {} compared at {}: {} differing rows", replay.id(), replay.processor(), at, diff.rows());
    }

    private void switchWhenStopped(Replay replay) {
        if (!nodes.stoppedEverywhere(replay.processor(), replay.stepSince(), tokens)
                || !nodes.stoppedEverywhere(replay.shadowProcessor(), replay.stepSince(), tokens)) {
            return;
        }
        String previous = previousSchemaOf(replay);
        transaction.executeWithoutResult(status -> {
            shadowTables.unlimited();
            shadowTables.swap(replay.shadowSchema(), previous, tablesOf(replay));
            replayTokens.handOver(replay.shadowProcessor(), replay.processor());
            if (!store.switched(replay, previous)) {
                throw new IllegalStateException("Replay " + replay.id() + " left SWITCHING while switching");
            }
        });
        log.info("Replay {}: {} switched to the rebuilt view; the replaced tables are in {}", replay.id(),
                replay.processor(), previous);
    }

    private void discardWhenStopped(Replay replay) {
        if (!nodes.stoppedEverywhere(replay.shadowProcessor(), replay.stepSince(), tokens)) {
            return;
        }
        if (replay.shadowSchema() != null) {
            shadowTables.drop(replay.shadowSchema());
        }
        transaction.executeWithoutResult(status -> replayTokens.delete(replay.shadowProcessor()));
        store.finish(replay, replay.status(), null);
    }

    /**
     * Counts the events the processor has handled of those the replay must (adding those since the last count; anew
     * should the position have gone back), and the rate: smoothed over the ticks while it runs, the average over the
     * whole replay once every event is done.
     */
    private long progress(Replay replay, String processor) {
        Long position = ClusterTokens.lowest(tokens.of(processor));
        long upTo = position == null ? replay.fromIndex() : Math.min(position, replay.headAtStart());
        long done = upTo >= replay.countedTo() ? replay.eventsDone() + events.between(replay.countedTo(), upTo)
                : events.between(replay.fromIndex(), upTo);
        Instant now = Instant.now();
        double rate;
        if (done >= replay.eventsTotal()) {
            rate = done / seconds(replay.startedAt(), now);
        } else {
            double measured = Math.max(0, done - replay.eventsDone()) / seconds(replay.updatedAt(), now);
            rate = replay.eventsPerSecond() == 0 ? measured
                    : RATE_SMOOTHING * measured + (1 - RATE_SMOOTHING) * replay.eventsPerSecond();
        }
        if (done != replay.eventsDone() || done < replay.eventsTotal()) {
            store.progress(replay.id(), done, upTo, rate);
        }
        return done;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }

    static List<ViewTable> tablesOf(Replay replay) {
        return ReadModelGroups.TABLES.get(replay.processor());
    }

    static String previousSchemaOf(Replay replay) {
        return "view_previous_" + Replays.shortId(replay.id());
    }
}
