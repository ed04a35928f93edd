package io.baseplane.app.deadletter;

import io.baseplane.app.persistence.FailureKinds;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Finds the event behind a change the database refuses. A view's JPA changes are written late: at commit, after every
 * handler of the batch returned, or when Hibernate flushes before a query, inside a later event's handler. A change
 * the database refuses for good (a value too long for its column, a broken constraint) then fails the batch without
 * naming its event, or names the wrong one, and would fail it the same way for ever.
 *
 * <p>So after a failed batch (whatever the reason: it costs little) the segment's next batch is handled in diagnosis:
 * the persistence context is flushed after each event, and a change that fails for good fails right after its event,
 * which is then parked as if its handler had failed ({@link ParkingQueue#enqueue}). A transient failure is thrown on.
 * Outside diagnosis a handler's failure in the database is not parked ({@link ParkingPolicy}): the batch is rolled back
 * and diagnosed. The segment leaves diagnosis with its next committed batch. Outside diagnosis this costs a set lookup
 * per event.
 */
final class CommitFailureDiagnosis implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final String segmentResource;
    private final String watchedResource;
    private final EntityManagerFactory readModels;
    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final Function<EventMessage<?>, Object> sequenceOf;
    /** Segments of this processor whose next batch is diagnosed. */
    private final Set<Integer> diagnosing = ConcurrentHashMap.newKeySet();

    CommitFailureDiagnosis(String processor, EntityManagerFactory readModels,
                           Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue,
                           Function<EventMessage<?>, Object> sequenceOf) {
        this.processor = processor;
        // What Axon's pooled processor puts among a batch's resources (WorkPackage).
        this.segmentResource = "Processor[" + processor + "]/SegmentId";
        this.watchedResource = CommitFailureDiagnosis.class.getName() + "/" + processor;
        this.readModels = readModels;
        this.queue = queue;
        this.sequenceOf = sequenceOf;
    }

    /** Whether the batch of this unit of work is diagnosed: its events' changes are written one event at a time. */
    boolean diagnosing(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().get(segmentResource) instanceof Integer segment && diagnosing.contains(segment);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.resources().get(segmentResource) instanceof Integer segment)) {
            return chain.proceed(); // not a batch of the live stream (a retry of parked events, say)
        }
        if (unitOfWork.resources().putIfAbsent(watchedResource, Boolean.TRUE) == null) {
            unitOfWork.onRollback(batch -> diagnosing.add(segment));
            unitOfWork.afterCommit(batch -> diagnosing.remove(segment));
        }
        Object result = chain.proceed();
        if (diagnosing.contains(segment)) {
            flushOrPark(unitOfWork.getMessage());
        }
        return result;
    }

    /** The event's changes, written now; if the database refuses them for good, the event is parked. */
    private void flushOrPark(EventMessage<?> event) {
        EntityManager entities = EntityManagerFactoryUtils.getTransactionalEntityManager(readModels);
        if (entities == null) {
            return;
        }
        try {
            entities.flush();
        } catch (RuntimeException failure) {
            if (FailureKinds.isTransient(failure)) {
                throw failure;
            }
            Object sequence = sequenceOf.apply(event);
            // Parks the event (and what the batch handled of its sequence before it), then fails the batch.
            // (withCause keeps the failure's own type; the three-argument constructor would record ThrowableCause's.)
            queue.get().enqueue(sequence,
                    new GenericDeadLetter<>(sequence, event).withCause(ThrowableCause.truncated(failure)));
        }
    }

    @Override
    public String toString() {
        return "CommitFailureDiagnosis[" + processor + "]";
    }
}
