package io.baseplane.saga.journal;

import io.baseplane.kernel.tenant.TenantId;

/** Where sagas record their step transitions. */
public interface SagaJournal {

    void record(JournalEntry entry);

    /** The journal of one saga instance, so handlers name only the step and what happened to it. */
    default Of of(String sagaType, Object sagaKey, TenantId tenantId) {
        return new Of(this, sagaType, String.valueOf(sagaKey), tenantId);
    }

    record Of(SagaJournal journal, String sagaType, String sagaKey, TenantId tenantId) {

        public void started(String step) {
            record(step, StepTransition.STARTED, null);
        }

        public void succeeded(String step) {
            record(step, StepTransition.SUCCEEDED, null);
        }

        public void failed(String step, String reason) {
            record(step, StepTransition.FAILED, reason);
        }

        public void compensating(String step, String reason) {
            record(step, StepTransition.COMPENSATING, reason);
        }

        public void compensated(String step) {
            record(step, StepTransition.COMPENSATED, null);
        }

        public void compensationFailed(String step, String reason) {
            record(step, StepTransition.COMPENSATION_FAILED, reason);
        }

        private void record(String step, StepTransition transition, String detail) {
            journal.record(new JournalEntry(sagaType, sagaKey, tenantId, step, transition, detail));
        }
    }
}
