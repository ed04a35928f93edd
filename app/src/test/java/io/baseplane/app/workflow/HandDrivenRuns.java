package io.baseplane.app.workflow;

import io.baseplane.app.testing.HeldProcessor;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For test classes that drive a run's commands by hand, as the execution saga would
 * ({@code @ExtendWith(HandDrivenRuns.class)}): the saga's processor is held during each test, so it does
 * not execute those runs too. Released, it catches up: each hand-started run already exists, so the saga's
 * own start is refused and it ends without executing a step.
 */
final class HandDrivenRuns implements BeforeEachCallback, AfterEachCallback {

    static final String SAGA_PROCESSOR = "WorkflowExecutionSagaProcessor";
    private static final ExtensionContext.Namespace HELD = ExtensionContext.Namespace.create(HandDrivenRuns.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        EventProcessingConfiguration processing = SpringExtension.getApplicationContext(context)
                .getBean(EventProcessingConfiguration.class);
        context.getStore(HELD).put(SAGA_PROCESSOR, HeldProcessor.hold(processing, SAGA_PROCESSOR));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(HELD).remove(SAGA_PROCESSOR, HeldProcessor.class).close();
    }
}
