package io.baseplane.app.deadletter;

import io.baseplane.app.persistence.FailureKinds;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What a failed view handler leads to. While events stream by: a transient database failure ({@link FailureKinds})
 * is thrown on, so the batch rolls back and the processor handles it again after a backoff, as before dead letters
 * existed (Axon's "do not enqueue" would skip the event instead). A failure in the database is thrown on too unless
 * the batch is diagnosed ({@link CommitFailureDiagnosis}): Hibernate may have been writing an earlier event's changes
 * when it failed, and the diagnosed batch writes each event's changes on their own, so the culprit is parked, not an
 * innocent event behind it. Any other failure (the handler's own: an exception of its code) parks the event's
 * sequence. While an operator retries parked events, a failure of any kind leaves the event parked with its new cause.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private final CommitFailureDiagnosis diagnosis;

    ParkingPolicy(CommitFailureDiagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (RetryContainment.retrying()) {
            // The failure itself: the queue wraps it in a ThrowableCause of its own (see PagedStatementFactory).
            return Decisions.requeue(cause);
        }
        if (FailureKinds.isTransient(cause) || FailureKinds.isFromDatabase(cause)
                && !(CurrentUnitOfWork.isStarted() && diagnosis.diagnosing(CurrentUnitOfWork.get()))) {
            throw cause instanceof RuntimeException runtime ? runtime : new RolledBackViewFailure(cause);
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    /** A checked failure, thrown on unchanged in its cause chain so that the batch rolls back. */
    static final class RolledBackViewFailure extends RuntimeException {

        RolledBackViewFailure(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
