package io.baseplane.app.airtable;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * Holds the AirtableSyncRun saga's processor while a test drives a run's commands by hand, so the saga
 * does not race it; released, the saga catches up and ends or compensates those runs on its own.
 */
final class SyncRunSagaHold implements AutoCloseable {

    static final String PROCESSOR = "AirtableSyncRunSagaProcessor";

    private final EventProcessor processor;

    private SyncRunSagaHold(EventProcessor processor) {
        this.processor = processor;
        processor.shutDown();
    }

    static SyncRunSagaHold hold(EventProcessingConfiguration processing) {
        return new SyncRunSagaHold(processing.eventProcessor(PROCESSOR).orElseThrow());
    }

    @Override
    public void close() {
        processor.start();
    }
}
