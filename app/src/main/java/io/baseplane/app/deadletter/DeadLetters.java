package io.baseplane.app.deadletter;

import static io.baseplane.app.deadletter.DeadLetterConfiguration.TABLE;

import io.baseplane.app.deadletter.DeadLetterSelection.Scope;
import io.baseplane.app.ops.DeadLetterCounts;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.ops.DeadLettersEvicted;
import io.baseplane.kernel.ops.DeadLettersRetried;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.saga.ops.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The view processors' dead letters for operators and for other code: how many are parked, grouped by failure, and
 * the two things an operator does with them, each recorded as an event with who did it and why. Retry and eviction go
 * through Axon: the processing configuration's {@link SequencedDeadLetterProcessor} (the processor's dead-lettering
 * invoker, which handles a sequence's letters in order with the processor's own handlers and transaction) and the
 * queue's {@code evict}.
 */
@Component
public class DeadLetters implements DeadLetterCounts {

    public static final int MAX_REASON_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final TransactionTemplate transaction;
    private final DeadLetterListing listing;

    DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc, EventGateway events,
                PlatformTransactionManager transactionManager, @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.listing = new DeadLetterListing(jdbc, serializer);
    }

    /** Parked events of the processor; 0 for a processor without dead letters (the sagas', say) or an unknown one. */
    @Override
    public long count(String processor) {
        return ReadModelGroups.ALL.contains(processor) ? queue(processor).size() : 0;
    }

    /**
     * The groups of one view processor, or of all of them ({@code processor} null or empty); {@code group} null or
     * empty for all.
     */
    DeadLetterListing.Groups list(String processor, String group) {
        List<String> processors = processor == null || processor.isEmpty() ? ReadModelGroups.ALL
                : List.of(DeadLetterSelection.requireProcessor(processor));
        String wanted = group == null || group.isEmpty() ? null : DeadLetterSelection.requireGroup(group);
        List<DeadLetterListing.Group> groups = new ArrayList<>();
        processors.forEach(name -> groups.addAll(listing.groups(name, wanted)));
        return new DeadLetterListing.Groups(groups);
    }

    /**
     * Hands the selected sequences to the processor's handlers again, each from its first letter on, in order: a
     * sequence whose letters all succeed leaves the queue; one that fails again stays from the failed letter on, with
     * its new cause. An entry is retried with the letters behind it, and only when it is first in its sequence.
     */
    Retried retry(DeadLetterSelection selection, String reason, Operator operator) {
        String why = reason(reason);
        Set<String> sequences = sequences(selection, true);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(selection.processor())
                .orElseThrow(() -> new RuleViolationException("dead-letters.not-processed-here",
                        "Processor " + selection.processor()
                                + " does not run on this node; retry on a node with the processing role"));
        Set<String> before = letters(selection.processor(), sequences);
        RuntimeException failure = null;
        try {
            retryEach(processor, sequences);
        } catch (RuntimeException e) {
            failure = e;
        }
        Set<String> after = letters(selection.processor(), sequences);
        Retried retried = new Retried(before.stream().filter(entry -> !after.contains(entry)).count(), after.size());
        if (retried.retried() > 0 || failure == null) {
            publish(new DeadLettersRetried(selection.processor(), selection.scope().label(), selection.target(),
                    retried.retried(), retried.remaining(), why), operator);
        }
        if (failure != null) {
            throw failure;
        }
        return retried;
    }

    /**
     * Takes each sequence once. Axon's processor handles one sequence per call, the first claimable one the filter
     * accepts; a sequence that fails is requeued and would be offered again, so the filter accepts each only once. A
     * sequence whose retry failed in the database (rolled back as a whole) is logged and the others still go.
     */
    private static void retryEach(SequencedDeadLetterProcessor<EventMessage<?>> processor, Set<String> sequences) {
        Set<String> taken = new HashSet<>();
        while (true) {
            AtomicBoolean took = new AtomicBoolean();
            try {
                processor.process(letter -> {
                    String sequence = ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
                    boolean take = sequences.contains(sequence) && taken.add(sequence);
                    took.compareAndSet(false, take);
                    return take;
                });
            } catch (RuntimeException e) {
                if (!took.get()) {
                    throw e;
                }
                log.warn("Retrying a parked sequence failed and was rolled back; it stays parked: {}", e.toString());
            }
            if (!took.get()) {
                return;
            }
        }
    }

    /** Removes the selected letters for good, and records that in the same transaction. */
    Evicted evict(DeadLetterSelection selection, String reason, Operator operator) {
        String why = reason(reason);
        return transaction.execute(status -> {
            Set<String> sequences = sequences(selection, false);
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(selection.processor());
            long evicted = 0;
            for (String sequence : sequences) {
                Map<String, DeadLetter<? extends EventMessage<?>>> letters = new HashMap<>();
                queue.deadLetterSequence(sequence).forEach(letter ->
                        letters.put(((JdbcDeadLetter<?>) letter).getIdentifier(), letter));
                for (Map.Entry<String, DeadLetter<? extends EventMessage<?>>> letter : letters.entrySet()) {
                    if (selection.scope() != Scope.ENTRY || letter.getKey().equals(selection.target())) {
                        queue.evict(letter.getValue());
                        evicted++;
                    }
                }
            }
            publish(new DeadLettersEvicted(selection.processor(), selection.scope().label(), selection.target(),
                    evicted, why), operator);
            return new Evicted(evicted);
        });
    }

    /** The sequences the selection names; refused when there is nothing to act on. */
    private Set<String> sequences(DeadLetterSelection selection, boolean retry) {
        String processor = selection.processor();
        return switch (selection.scope()) {
            case GROUP -> {
                Set<String> sequences = listing.sequencesOf(processor, selection.target());
                if (sequences.isEmpty()) {
                    throw new NotFoundException("dead-letter group", selection.target() + " of " + processor);
                }
                yield sequences;
            }
            case SEQUENCE -> {
                if (!queue(processor).contains(selection.target())) {
                    throw new NotFoundException("dead-letter sequence", selection.target() + " of " + processor);
                }
                yield Set.of(selection.target());
            }
            case ENTRY -> Set.of(sequenceOfEntry(processor, selection.target(), retry));
        };
    }

    private String sequenceOfEntry(String processor, String entry, boolean retry) {
        List<Map<String, Object>> found = jdbc.queryForList("select sequence_identifier, sequence_index = (select "
                + "min(sequence_index) from " + TABLE + " first where first.processing_group = dl.processing_group "
                + "and first.sequence_identifier = dl.sequence_identifier) as first from " + TABLE + " dl "
                + "where processing_group = ? and dead_letter_id = ?", processor, entry);
        if (found.isEmpty()) {
            throw new NotFoundException("dead letter", entry + " of " + processor);
        }
        String sequence = (String) found.get(0).get("sequence_identifier");
        if (retry && !Boolean.TRUE.equals(found.get(0).get("first"))) {
            throw new RuleViolationException("dead-letters.not-first", "Dead letter " + entry
                    + " waits behind earlier events of its sequence " + sequence
                    + ", which are handled in order; retry the sequence");
        }
        return sequence;
    }

    /** The ids of the letters in these sequences now. */
    private Set<String> letters(String processor, Set<String> sequences) {
        return new HashSet<>(jdbc.query(connection -> {
            var statement = connection.prepareStatement("select dead_letter_id from " + TABLE
                    + " where processing_group = ? and sequence_identifier = any(?)");
            statement.setString(1, processor);
            statement.setArray(2, connection.createArrayOf("varchar", sequences.toArray()));
            return statement;
        }, (row, index) -> row.getString(1)));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processor));
    }

    private static String reason(String raw) {
        return Text.requireText("reason", raw, MAX_REASON_LENGTH);
    }

    /** The action as an event with the operator's metadata. */
    private void publish(Object action, Operator operator) {
        events.publish(GenericEventMessage.asEventMessage(action).andMetaData(operator.actionMetaData()));
    }

    /**
     * @param retried   letters of the selection handled and gone from the queue
     * @param remaining letters still in the selected sequences
     */
    record Retried(long retried, long remaining) {
    }

    record Evicted(long evicted) {
    }
}
