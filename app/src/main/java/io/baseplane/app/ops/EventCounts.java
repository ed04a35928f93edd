package io.baseplane.app.ops;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events counted in the store, not estimated from global indexes: a rolled-back transaction leaves a gap in the index,
 * so "head minus position" may count events that do not exist. Counting a range is an index-only scan of the
 * primary key.
 */
@Component
public class EventCounts {

    private final JdbcTemplate jdbc;

    EventCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of the newest event, -1 for an empty store. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** The events after {@code after} up to and including {@code upTo}. */
    public long between(long after, long upTo) {
        if (upTo <= after) {
            return 0;
        }
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where global_index > ? and global_index <= ?",
                Long.class, after, upTo);
        return count == null ? 0 : count;
    }

    /** The events after {@code after}. */
    public long after(long after) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?",
                Long.class, after);
        return count == null ? 0 : count;
    }
}
