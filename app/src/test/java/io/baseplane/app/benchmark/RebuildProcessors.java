package io.baseplane.app.benchmark;

import io.baseplane.projection.workspace.WorkspaceViewProjector;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A rebuild of the workspace view by a processor of its own, built as the app builds {@code workspace-view}. */
final class RebuildProcessors {

    private RebuildProcessors() {
    }

    /**
     * A new pooled processor over the app's projector, token store, event store and read-model transactions (the
     * transaction manager the app registers for {@code workspace-view});
     * its tokens start as replay tokens from the tail with the head as the point of reset, as
     * {@code resetTokens()} leaves them. {@code executors} receives the coordinator and worker executors, for
     * {@link #shutDown(ExecutorService[])} once the processor is shut down.
     */
    static PooledStreamingEventProcessor workspaceView(String name, int batchSize, int segments,
                                                       WorkspaceViewProjector projector, Configuration axon,
                                                       EventStore eventStore, TokenStore tokenStore,
                                                       TransactionManager readModels, ExecutorService[] executors) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments);
        executors[0] = coordinator;
        executors[1] = workers;
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projector)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(projector.getClass()))
                        .build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(readModels)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(batchSize)
                .initialToken(source -> ReplayToken.createReplayToken(source.createHeadToken()))
                .build();
    }

    /** Every segment claimed, none failed, all caught up at {@code head}; a failed segment throws. */
    static boolean caughtUp(Map<Integer, EventTrackerStatus> status, int segments, long head) {
        status.values().stream().filter(EventTrackerStatus::isErrorState).findFirst().ifPresent(failed -> {
            throw new AssertionError("rebuild failed", failed.getError());
        });
        return status.size() == segments && status.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }

    static void shutDown(ExecutorService[] executors) throws InterruptedException {
        for (ExecutorService executor : executors) {
            if (executor != null) {
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }
}
