package io.baseplane.app.deadletter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;

/**
 * Axon 4.13.0's statements with the two paged ones corrected, and the requeue's cause kept as the failure it was.
 *
 * <p>Axon pages by comparing a letter's sequence index with the page's offset ({@code sequenceIndex >= ?}) instead
 * of skipping rows:
 * <ul>
 *   <li>the sequences a retry may claim were only ever the ten touched longest ago, so an operator's retry of any
 *       other sequence found nothing (fixed the same way in Axon 4.13.2, commit d096efb; drop this override then);</li>
 *   <li>a sequence read in pages returned its later letters twice once it held more letters than a page.</li>
 * </ul>
 * Both now page with {@code LIMIT ? OFFSET ?}. The queue reads a sequence in pages of its whole maximum size
 * ({@link DeadLetterConfiguration#MAX_SEQUENCE_SIZE}), so that page size is the limit here.
 *
 * <p>A letter that fails again on retry is requeued with a cause that Axon's {@code JdbcDeadLetter.withCause} wraps in
 * a new {@link ThrowableCause}: a cause that already is one would be stored as of type {@code ThrowableCause}, and the
 * operators' list would count it as another failure. So {@link ParkingPolicy} requeues with the failure itself, and
 * its message is cut here to the column's {@value ThrowableCause#TRUNCATED_MESSAGE_SIZE} characters, as Axon cuts it
 * when a letter is first enqueued.
 */
final class PagedStatementFactory extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

    private final DeadLetterSchema schema;

    PagedStatementFactory(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
        super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
                .schema(schema).genericSerializer(genericSerializer).eventSerializer(eventSerializer));
        this.schema = schema;
    }

    @Override
    public PreparedStatement claimableSequencesStatement(Connection connection,
                                                         String processingGroup,
                                                         Instant processingStartedLimit,
                                                         int offset,
                                                         int maxSize) throws SQLException {
        String sql = "SELECT * FROM " + schema.deadLetterTable() + " dl "
                + "WHERE dl." + schema.processingGroupColumn() + "=? "
                + "AND dl." + schema.sequenceIndexColumn() + "=("
                + "SELECT MIN(dl2." + schema.sequenceIndexColumn() + ") FROM " + schema.deadLetterTable() + " dl2 "
                + "WHERE dl2." + schema.processingGroupColumn() + "=dl." + schema.processingGroupColumn() + " "
                + "AND dl2." + schema.sequenceIdentifierColumn() + "=dl." + schema.sequenceIdentifierColumn() + ") "
                + "AND (dl." + schema.processingStartedColumn() + " IS NULL "
                + "OR dl." + schema.processingStartedColumn() + "<?) "
                + "ORDER BY dl." + schema.lastTouchedColumn() + " ASC, dl." + schema.sequenceIdentifierColumn() + " "
                + "LIMIT ? OFFSET ?";
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }

    @Override
    public PreparedStatement requeueStatement(Connection connection, String letterIdentifier, Cause cause,
                                              Instant lastTouched, MetaData diagnostics) throws SQLException {
        Cause cut = cause == null || cause.message() == null
                || cause.message().length() <= ThrowableCause.TRUNCATED_MESSAGE_SIZE ? cause
                : new ThrowableCause(cause.type(), cause.message().substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        return super.requeueStatement(connection, letterIdentifier, cut, lastTouched, diagnostics);
    }

    @Override
    public PreparedStatement letterSequenceStatement(Connection connection,
                                                     String processingGroup,
                                                     String sequenceId,
                                                     int offset,
                                                     int maxSize) throws SQLException {
        String sql = "SELECT * FROM " + schema.deadLetterTable() + " "
                + "WHERE " + schema.processingGroupColumn() + "=? "
                + "AND " + schema.sequenceIdentifierColumn() + "=? "
                + "ORDER BY " + schema.sequenceIndexColumn() + " "
                + "LIMIT ? OFFSET ?";
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, sequenceId);
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }
}
