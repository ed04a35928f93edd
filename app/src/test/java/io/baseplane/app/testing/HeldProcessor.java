package io.baseplane.app.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Holds a tracking processor (a saga's) while a test sets something up behind its back, and lets it go again with
 * every segment claimed. Both waits are explicit: a tracking processor claims its segments on launcher threads,
 * one at a time, and a start right after a stop can find the old launcher still winding down and claim some
 * segments only at its next claim interval (seconds later), so events of those segments would wait meanwhile.
 */
public final class HeldProcessor implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final StreamingEventProcessor processor;

    private HeldProcessor(StreamingEventProcessor processor) {
        this.processor = processor;
    }

    /** Stops the processor and waits until it let go of every segment. */
    public static HeldProcessor hold(EventProcessingConfiguration processing, String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + name));
        processor.shutDown();
        if (!within(PATIENCE, () -> processor.processingStatus().isEmpty())) {
            throw new AssertionError(name + " did not let go of its segments");
        }
        return new HeldProcessor(processor);
    }

    /** Starts the processor again and waits until it runs every segment it has threads for. */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!processor.isRunning()) {
                processor.start();
            }
            if (within(Duration.ofSeconds(8), () -> processor.processingStatus().size() >= processor.maxCapacity())) {
                return;
            }
            // Started while the previous launcher wound down: stop cleanly and ask again.
            processor.shutDown();
            within(PATIENCE, () -> processor.processingStatus().isEmpty());
        }
        throw new AssertionError(processor.getName() + " did not claim its segments again");
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
