package io.baseplane.command.workspace.lookup;

import io.baseplane.command.workspace.AggregateIdentifiers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event store's {@code domain_event_entry} itself rather than a lookup table: every aggregate's
 * first event is there, in the same transaction as the command that asks. The lookup is an index probe on
 * the unique key {@code (aggregate_identifier, sequence_number)}, whose leading column is the identifier.
 *
 * <p>Under the {@code axonserver} profile the events live in Axon Server and this table stays empty, so
 * every identifier looks free and a duplicate is only refused when Axon Server rejects the append.
 */
@Component
public class JdbcAggregateIdentifiers implements AggregateIdentifiers {

    private final JdbcTemplate jdbc;

    public JdbcAggregateIdentifiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String aggregateIdentifier) {
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ?)",
                Boolean.class, aggregateIdentifier);
        return Boolean.TRUE.equals(exists);
    }
}
