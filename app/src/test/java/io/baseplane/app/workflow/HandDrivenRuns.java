package io.baseplane.app.workflow;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * For tests that drive a run's commands by hand, as the execution saga would: the saga's processor is
 * held meanwhile, so it does not execute those runs too. Released, it catches up: each hand-started run
 * already exists, so the saga's own start is refused and it ends without executing a step.
 *
 * <p>Both waits are explicit: a tracking processor claims its segment on a launcher thread, and a start
 * right after a stop can otherwise find the old launcher still winding down and do nothing.
 */
final class HandDrivenRuns {

    static final String SAGA_PROCESSOR = "WorkflowExecutionSagaProcessor";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private StreamingEventProcessor saga;

    void holdTheSaga(EventProcessingConfiguration processing) {
        saga = processing.eventProcessor(SAGA_PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        saga.shutDown();
        waitUntil(() -> saga.processingStatus().isEmpty(), "the saga processor to let go of its segment");
    }

    void releaseTheSaga() {
        if (saga == null) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!saga.isRunning()) {
                saga.start();
            }
            if (within(Duration.ofSeconds(3), () -> !saga.processingStatus().isEmpty())) {
                return;
            }
            // Started while the previous launcher wound down: stop cleanly and ask again.
            saga.shutDown();
        }
        throw new AssertionError("the saga processor did not claim its segment again");
    }

    private static boolean within(Duration patience, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep();
        }
        return true;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        if (!within(PATIENCE, condition)) {
            throw new AssertionError("waited in vain for " + what);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
