package io.baseplane.app.airtable;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Holds the AirtableSyncRun saga's processor during each test of a class that drives a run's commands by
 * hand ({@code @ExtendWith(HoldSyncRunSaga.class)}), so the saga does not race the test. Released, the saga
 * catches up and fails or ends those runs on its own.
 */
final class HoldSyncRunSaga implements BeforeEachCallback, AfterEachCallback {

    static final String PROCESSOR = "AirtableSyncRunSagaProcessor";

    @Override
    public void beforeEach(ExtensionContext context) {
        processor(context).shutDown();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        processor(context).start();
    }

    private static EventProcessor processor(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR).orElseThrow();
    }
}
