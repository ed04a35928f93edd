package io.baseplane.app.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterJdbcConverter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a dead letter as Axon does, then its event through the platform's upcasters, as the event store reads events.
 *
 * <p>A letter holds its event as it was parked: its payload type and revision and the Jackson JSON of that revision.
 * Axon's JDBC queue deserialises that JSON straight into today's class and leaves upcasters out (its documentation
 * says so). A letter parked before a deployment that changed an event's revision would then be retried as a broken
 * event. Here the stored revision goes through the same upcaster chain as the event store's events, so a retry
 * hands the handler the event in its current form.
 *
 * <p>An upcaster that drops the event or splits it in several has no single event to hand on; such a letter is read
 * as Axon reads it, and the handler sees the stored revision.
 */
final class UpcastingLetterConverter extends DefaultDeadLetterJdbcConverter<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(UpcastingLetterConverter.class);

    private final DeadLetterSchema schema;
    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;

    UpcastingLetterConverter(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer,
                             EventUpcaster upcasters) {
        super(DefaultDeadLetterJdbcConverter.<EventMessage<?>>builder()
                .schema(schema).genericSerializer(genericSerializer).eventSerializer(eventSerializer));
        this.schema = schema;
        this.eventSerializer = eventSerializer;
        this.upcasters = upcasters;
    }

    @Override
    public JdbcDeadLetter<EventMessage<?>> convertToLetter(ResultSet row) throws SQLException {
        JdbcDeadLetter<EventMessage<?>> stored = super.convertToLetter(row);
        if (!(stored.message() instanceof DomainEventMessage<?> domain)) {
            return stored;
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(domain.getType(),
                domain.getAggregateIdentifier(), domain.getSequenceNumber(), domain.getIdentifier(),
                row.getString(schema.timestampColumn()), row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()), row.getBytes(schema.payloadColumn()),
                row.getBytes(schema.metaDataColumn()));
        List<? extends DomainEventMessage<?>> upcast = EventStreamUtils.asStream(EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(entry), eventSerializer, upcasters)).toList();
        if (upcast.size() != 1) {
            log.warn("Dead letter {}: the upcasters made {} events of event {}; it is retried as it was stored",
                    stored.getIdentifier(), upcast.size(), domain.getIdentifier());
            return stored;
        }
        EventMessage<?> message = stored.message() instanceof TrackedEventMessage<?> tracked
                ? new GenericTrackedDomainEventMessage<>(tracked.trackingToken(), upcast.get(0))
                : upcast.get(0);
        return new JdbcDeadLetter<>(stored.getIdentifier(), stored.getSequenceIndex(), stored.getSequenceIdentifier(),
                stored.enqueuedAt(), stored.lastTouched(), stored.cause().orElse(null), stored.diagnostics(), message);
    }
}
