package io.baseplane.kernel.common;

import java.util.List;
import java.util.Optional;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * A refusal as it travels between nodes. A distributed bus (Axon Server) carries a handler's failure as an error code
 * and texts only; Axon's way to share more is the {@code details} of a {@code CommandExecutionException} or
 * {@code QueryExecutionException}, serialised with the messages. The handling node describes the refusal it threw
 * ({@link #describe}); the dispatching node rebuilds it ({@link #restore}), so that whoever sent the message (the HTTP
 * layer, a saga's failure policy, read-your-writes) sees the same exception, code and message as on one node.
 *
 * <p>Refusals are the domain's ({@link DomainException}s) and Axon's answers about an aggregate: unknown, at another
 * version than {@code If-Match} said, an identifier already taken, changed concurrently. Fields a kind does not use are
 * null.
 *
 * @param invalidValues for {@link Kind#INVALID_VALUE}: every bad value, in the order they were found
 */
public record RefusalDetails(Kind kind, String code, String message, String aggregateId, Long expectedVersion,
                             Long actualVersion, List<InvalidValue> invalidValues) {

    /** What was refused, one kind per exception type the edge answers differently. */
    public enum Kind {
        INVALID_VALUE, RULE_VIOLATION, FORBIDDEN, NOT_FOUND, AGGREGATE_NOT_FOUND, VERSION_MISMATCH, ID_TAKEN,
        CONCURRENT_MODIFICATION
    }

    /** One bad value: the field and what is wrong with it. */
    public record InvalidValue(String field, String reason) {
    }

    /**
     * The first refusal in {@code failure}'s cause chain (as the HTTP layer answers the first), described; empty when
     * the failure is no refusal (a technical failure travels as it always did).
     */
    public static Optional<RefusalDetails> describe(Throwable failure) {
        return ExceptionUtils.findException(failure, cause -> kindOf(cause) != null).map(RefusalDetails::of);
    }

    /**
     * The refusal that a handler on another node described in the details of {@code failure} (or of a cause of it),
     * rebuilt; any other failure is returned as it is.
     */
    public static Throwable restore(Throwable failure) {
        Optional<Object> details = HandlerExecutionException.resolveDetails(failure);
        return details.filter(RefusalDetails.class::isInstance)
                .map(remote -> (Throwable) ((RefusalDetails) remote).rebuild())
                .orElse(failure);
    }

    /** The exception the handler threw, with the same type, code and message. */
    public RuntimeException rebuild() {
        return switch (kind) {
            case INVALID_VALUE -> InvalidValueException.together(invalidValues.stream()
                    .map(value -> new InvalidValueException(value.field(), value.reason()))
                    .toList());
            case RULE_VIOLATION -> new RuleViolationException(code, message);
            case FORBIDDEN -> new ForbiddenException(code, message);
            case NOT_FOUND -> new NotFoundException(this);
            case AGGREGATE_NOT_FOUND -> new AggregateNotFoundException(aggregateId, message);
            case VERSION_MISMATCH -> new ConflictingAggregateVersionException(aggregateId, expectedVersion,
                    actualVersion);
            case ID_TAKEN -> new AggregateStreamCreationException(message);
            case CONCURRENT_MODIFICATION -> new ConcurrencyException(message);
        };
    }

    private static RefusalDetails of(Throwable refusal) {
        Kind kind = kindOf(refusal);
        String code = refusal instanceof DomainException domain ? domain.code() : null;
        RefusalDetails details = new RefusalDetails(kind, code, refusal.getMessage(), null, null, null, null);
        if (refusal instanceof InvalidValueException invalid) {
            return details.withInvalidValues(invalid.all().stream()
                    .map(value -> new InvalidValue(value.field(), value.reason()))
                    .toList());
        }
        if (refusal instanceof AggregateNotFoundException notFound) {
            return details.withAggregate(notFound.getAggregateIdentifier(), null, null);
        }
        if (refusal instanceof ConflictingAggregateVersionException conflict) {
            return details.withAggregate(conflict.getAggregateIdentifier(), conflict.getExpectedVersion(),
                    conflict.getActualVersion());
        }
        return details;
    }

    private static Kind kindOf(Throwable failure) {
        if (failure instanceof InvalidValueException) {
            return Kind.INVALID_VALUE;
        }
        if (failure instanceof RuleViolationException) {
            return Kind.RULE_VIOLATION;
        }
        if (failure instanceof ForbiddenException) {
            return Kind.FORBIDDEN;
        }
        if (failure instanceof NotFoundException) {
            return Kind.NOT_FOUND;
        }
        if (failure instanceof AggregateNotFoundException) {
            return Kind.AGGREGATE_NOT_FOUND;
        }
        if (failure instanceof ConflictingAggregateVersionException) {
            return Kind.VERSION_MISMATCH;
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Kind.ID_TAKEN;
        }
        if (failure instanceof ConcurrencyException) {
            return Kind.CONCURRENT_MODIFICATION;
        }
        return null;
    }

    private RefusalDetails withInvalidValues(List<InvalidValue> values) {
        return new RefusalDetails(kind, code, message, aggregateId, expectedVersion, actualVersion, values);
    }

    private RefusalDetails withAggregate(Object identifier, Long expected, Long actual) {
        return new RefusalDetails(kind, code, message, identifier == null ? null : identifier.toString(), expected,
                actual, invalidValues);
    }
}
