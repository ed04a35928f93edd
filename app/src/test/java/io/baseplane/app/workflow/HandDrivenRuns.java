package io.baseplane.app.workflow;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * For tests that drive a run's commands by hand, as the execution saga would: the saga's processor is
 * held meanwhile, so it does not execute those runs too. Released, it catches up: each hand-started run
 * already exists, so the saga's own start is refused and it ends without executing a step.
 */
final class HandDrivenRuns {

    static final String SAGA_PROCESSOR = "WorkflowExecutionSagaProcessor";

    private EventProcessor saga;

    void holdTheSaga(EventProcessingConfiguration processing) {
        saga = processing.eventProcessor(SAGA_PROCESSOR).orElseThrow();
        saga.shutDown();
    }

    void releaseTheSaga() {
        if (saga != null) {
            saga.start();
        }
    }
}
