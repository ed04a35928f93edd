package io.baseplane.saga.journal;

import io.baseplane.kernel.tenant.TenantId;

/** Where sagas record their step transitions. */
public interface SagaJournal {

    void record(JournalEntry entry);

    /** The journal of one saga instance, so handlers name only the step and what happened to it. */
    default Of of(String sagaId, String sagaType, Object sagaKey, TenantId tenantId) {
        return new Of(this, sagaId, sagaType, String.valueOf(sagaKey), tenantId);
    }

    record Of(SagaJournal journal, String sagaId, String sagaType, String sagaKey, TenantId tenantId) {

        public void started(String step) {
            record(step, StepTransition.STARTED, null, null);
        }

        public void succeeded(String step) {
            record(step, StepTransition.SUCCEEDED, null, null);
        }

        public void failed(String step, String reason) {
            record(step, StepTransition.FAILED, reason, null);
        }

        public void compensating(String step, String reason) {
            record(step, StepTransition.COMPENSATING, reason, null);
        }

        public void compensated(String step) {
            record(step, StepTransition.COMPENSATED, null, null);
        }

        public void compensationFailed(String step, String reason) {
            record(step, StepTransition.COMPENSATION_FAILED, reason, null);
        }

        public void retrying(String step, int attempt, String error) {
            record(step, StepTransition.RETRYING, error, attempt);
        }

        public void parked(String step, int attempt, String error) {
            record(step, StepTransition.PARKED, error, attempt);
        }

        public void resumed(String step) {
            record(step, StepTransition.RESUMED, null, null);
        }

        public void ended(String step) {
            record(step, StepTransition.ENDED, null, null);
        }

        private void record(String step, StepTransition transition, String detail, Integer attempt) {
            journal.record(new JournalEntry(sagaId, sagaType, sagaKey, tenantId, step, transition, detail, attempt));
        }
    }
}
