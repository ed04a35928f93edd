package io.baseplane.app.deadletter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A view processor's dead-letter queue: Axon's JDBC queue ({@code delegate}), which Axon's dead-lettering invoker
 * drives, with one change to when a failed event is written.
 *
 * <p>Axon writes the failed event in the batch's transaction and lets the batch go on. In a JPA view that would keep
 * what the failed handler half did (entities it changed are flushed at commit), and a handler that failed in the
 * database leaves a transaction that can only roll back (PostgreSQL refuses every later statement; Spring marks the
 * transaction rollback-only), taking the dead letter with it, for ever. So {@link #enqueue} <em>parks</em>: it writes
 * the failed event in a transaction of its own, together with the events of the same aggregate that this batch handled
 * before it (their effects go with the batch), and then fails the batch with {@link SequenceParkedException}. The
 * processor rolls the batch back and handles it again after its backoff (a second or so); this time the invoker finds
 * the aggregate's sequence in the queue and adds its events to it instead of handling them ({@link #enqueueIfPresent}),
 * in the batch's transaction, so the sequence and the token commit together. An event that is parked already is not
 * added twice. The other aggregates' events are handled as usual.
 *
 * <p>Whether a sequence is parked is read once per batch: the processor's parked sequences, in the batch's transaction
 * (one indexed query of a small table), then looked up per event. Axon's own per-segment cache of parked sequences is
 * not used: it forgets nothing when a segment is released (the pooled processor tells only its multi-invoker, which
 * does not pass it on), so a node that had the segment before, while nothing was parked, would handle the events of a
 * sequence another node parked meanwhile, out of order.
 */
final class ParkingQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final String processingGroup;
    private final Function<EventMessage<?>, Object> sequenceOf;
    private final TransactionTemplate ownTransaction;
    private final JdbcTemplate jdbc;
    private final String parkedResource;

    /**
     * @param sequenceOf     the processor's sequencing policy, as its invoker applies it
     * @param ownTransaction a new transaction beside the batch's (REQUIRES_NEW on the read models' manager)
     */
    ParkingQueue(SequencedDeadLetterQueue<EventMessage<?>> delegate, String processingGroup,
                 Function<EventMessage<?>, Object> sequenceOf, TransactionTemplate ownTransaction, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.processingGroup = processingGroup;
        this.sequenceOf = sequenceOf;
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.parkedResource = ParkingQueue.class.getName() + "/" + processingGroup;
    }

    /** Parks the failed event and what the batch handled before it of the same sequence, then fails the batch. */
    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        List<EventMessage<?>> handledBefore = handledBefore(sequenceIdentifier, letter.message());
        ownTransaction.executeWithoutResult(status -> {
            for (EventMessage<?> event : handledBefore) {
                if (!alreadyParked(event)) {
                    delegate.enqueue(sequenceIdentifier, new GenericDeadLetter<>(sequenceIdentifier, event));
                }
            }
            if (!alreadyParked(letter.message())) {
                delegate.enqueue(sequenceIdentifier, letter);
            }
        });
        throw new SequenceParkedException(processingGroup, sequenceIdentifier, letter);
    }

    /** While the sequence is parked, its events join it, in the batch's transaction; none twice. */
    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!sequenceParked(sequenceIdentifier)) {
            return false;
        }
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        if (!alreadyParked(letter.message())) {
            delegate.enqueue(sequenceIdentifier, letter);
        }
        return true;
    }

    /**
     * The events of the sequence that the current batch handled before {@code failed}: the batch's rollback undoes
     * them, and they must come before it when the sequence is retried.
     */
    private List<EventMessage<?>> handledBefore(Object sequenceIdentifier, EventMessage<?> failed) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return List.of();
        }
        List<EventMessage<?>> before = new ArrayList<>();
        for (Message<?> message : batch.getMessages()) {
            if (message.getIdentifier().equals(failed.getIdentifier())) {
                return before;
            }
            if (message instanceof EventMessage<?> event
                    && Objects.equals(sequenceIdentifier, sequenceOf.apply(event))) {
                before.add(event);
            }
        }
        return List.of(); // the failed event is not in this batch: nothing of the batch precedes it
    }

    /** Whether the sequence is parked: from the batch's set of parked sequences, read at its first event. */
    private boolean sequenceParked(Object sequenceIdentifier) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            Set<String> parked = batch.getOrComputeResource(parkedResource, key -> new HashSet<>(jdbc.queryForList(
                    "select distinct sequence_identifier from " + DeadLetterConfiguration.TABLE
                            + " where processing_group = ?", String.class, processingGroup)));
            return parked.contains(asStored(sequenceIdentifier));
        }
        return delegate.contains(sequenceIdentifier);
    }

    /** The sequence identifier as Axon's JDBC queue stores it. */
    private static String asStored(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String text ? text : Integer.toString(sequenceIdentifier.hashCode());
    }

    /** Whether this very event is parked already (a batch handled again after a parking, a replay). */
    private boolean alreadyParked(EventMessage<?> event) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from " + DeadLetterConfiguration.TABLE
                        + " where processing_group = ? and event_identifier = ?)", Boolean.class,
                processingGroup, event.getIdentifier()));
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return delegate.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    /**
     * The batch is rolled back on purpose: a handler failed for good on an event, which is parked now with its
     * aggregate's earlier events of the batch. The processor handles the batch again without them.
     */
    static final class SequenceParkedException extends RuntimeException {

        SequenceParkedException(String processingGroup, Object sequenceIdentifier,
                                DeadLetter<? extends EventMessage<?>> letter) {
            super("Processor " + processingGroup + " parked sequence " + sequenceIdentifier + " at event "
                    + letter.message().getIdentifier() + " (" + letter.message().getPayloadType().getSimpleName()
                    + ") after "
                    + letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse("a failure")
                    + "; the batch is rolled back and handled again without that sequence", null, false, false);
        }
    }
}
