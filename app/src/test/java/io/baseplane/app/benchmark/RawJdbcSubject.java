package io.baseplane.app.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The floor: the same rows in the same (Flyway) schema with plain JDBC and no Axon engine. Payload and metadata
 * are serialized and payloads deserialized with the same serializer, and the transactions are those of
 * {@link AxonEngineSubject}: one per append, one per aggregate read, one per tracking batch. What is missing is
 * Axon's work around it: message conversion, upcasting, tokens, the statement builders, the Spring
 * transaction synchronisation. The aggregate read takes one query instead of batches.
 */
final class RawJdbcSubject implements EventStoreSubject {

    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final String INSERT = "insert into domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_AGGREGATE = "select " + COLUMNS + " from domain_event_entry "
            + "where aggregate_identifier = ? order by sequence_number";
    private static final String FROM_INDEX = "select " + COLUMNS + " from domain_event_entry "
            + "where global_index > ? order by global_index limit ?";

    private final BenchmarkDatabase database;
    private final Serializer serializer;
    private final int batchSize;

    RawJdbcSubject(BenchmarkDatabase database, Serializer serializer, int batchSize) {
        this.database = database;
        this.serializer = serializer;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return BenchmarkReport.RAW;
    }

    @Override
    public BenchmarkDatabase database() {
        return database;
    }

    @Override
    public void append(DomainEventMessage<?> event) {
        load(List.of(event));
    }

    @Override
    public void load(List<? extends DomainEventMessage<?>> events) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (DomainEventMessage<?> event : events) {
                    SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
                    SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
                    insert.setString(1, event.getIdentifier());
                    insert.setString(2, event.getAggregateIdentifier());
                    insert.setLong(3, event.getSequenceNumber());
                    insert.setString(4, event.getType());
                    insert.setString(5, DateTimeUtils.formatInstant(event.getTimestamp()));
                    insert.setString(6, payload.getType().getName());
                    insert.setString(7, payload.getType().getRevision());
                    insert.setBytes(8, payload.getData());
                    insert.setBytes(9, metaData.getData());
                    if (events.size() == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (events.size() > 1) {
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append", e);
        }
    }

    @Override
    public int readAggregate(String aggregateIdentifier) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int read = 0;
            try (PreparedStatement select = connection.prepareStatement(BY_AGGREGATE)) {
                select.setString(1, aggregateIdentifier);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        deserializeRow(rs);
                        read++;
                    }
                }
            }
            connection.commit();
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read aggregate", e);
        }
    }

    @Override
    public int readTracked(int count) {
        long lastIndex = -1;
        int read = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(FROM_INDEX)) {
                while (read < count) {
                    select.setLong(1, lastIndex);
                    select.setInt(2, Math.min(batchSize, count - read));
                    int inBatch = 0;
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            lastIndex = deserializeRow(rs);
                            inBatch++;
                        }
                    }
                    connection.commit();
                    if (inBatch == 0) {
                        break;
                    }
                    read += inBatch;
                }
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read events", e);
        }
    }

    /** Reads every column of the row, deserializes the payload, returns the global index. */
    private long deserializeRow(ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong(1);
        rs.getString(2);
        rs.getString(3);
        rs.getLong(4);
        rs.getString(5);
        rs.getString(6);
        String payloadType = rs.getString(7);
        String payloadRevision = rs.getString(8);
        byte[] payload = rs.getBytes(9);
        rs.getBytes(10);
        serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision));
        return globalIndex;
    }

    @Override
    public void close() {
        database.close();
    }
}
