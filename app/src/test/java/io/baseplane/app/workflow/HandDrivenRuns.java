package io.baseplane.app.workflow;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For test classes that drive a run's commands by hand, as the execution saga would
 * ({@code @ExtendWith(HandDrivenRuns.class)}): the saga's processor is held during each test, so it does
 * not execute those runs too. Released, it catches up: each hand-started run already exists, so the saga's
 * own start is refused and it ends without executing a step.
 *
 * <p>Both waits are explicit: a tracking processor claims its segment on a launcher thread, and a start
 * right after a stop can otherwise find the old launcher still winding down and do nothing.
 */
final class HandDrivenRuns implements BeforeEachCallback, AfterEachCallback {

    static final String SAGA_PROCESSOR = "WorkflowExecutionSagaProcessor";

    @Override
    public void beforeEach(ExtensionContext context) {
        StreamingEventProcessor saga = saga(context);
        saga.shutDown();
        if (!within(Duration.ofSeconds(15), () -> saga.processingStatus().isEmpty())) {
            throw new AssertionError("the saga processor did not let go of its segment");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StreamingEventProcessor saga = saga(context);
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

    private static StreamingEventProcessor saga(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(EventProcessingConfiguration.class)
                .eventProcessor(SAGA_PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    private static boolean within(Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return true;
    }
}
