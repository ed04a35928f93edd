package io.baseplane.app.airtable;

import io.baseplane.app.testing.HeldProcessor;
import org.axonframework.config.EventProcessingConfiguration;
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
    private static final ExtensionContext.Namespace HELD = ExtensionContext.Namespace.create(HoldSyncRunSaga.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        EventProcessingConfiguration processing = SpringExtension.getApplicationContext(context)
                .getBean(EventProcessingConfiguration.class);
        context.getStore(HELD).put(PROCESSOR, HeldProcessor.hold(processing, PROCESSOR));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(HELD).remove(PROCESSOR, HeldProcessor.class).close();
    }
}
