package io.baseplane.saga.journal;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes journal entries to {@code saga_journal}. JdbcTemplate joins the transaction of the saga's unit of
 * work, so an entry commits together with the saga state it describes, or not at all: a retried event does
 * not leave a step recorded twice. The timestamp is taken here, not from {@code now()}, because every entry
 * of one transaction would otherwise carry the same time.
 */
@Component
public class JdbcSagaJournal implements SagaJournal {

    private static final String INSERT = "insert into saga_journal "
            + "(saga_type, saga_key, tenant_id, step, transition, detail, recorded_at) values (?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES =
            {Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    public JdbcSagaJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(JournalEntry entry) {
        jdbc.update(INSERT, new Object[] {
                entry.sagaType(),
                entry.sagaKey(),
                entry.tenantId() == null ? null : entry.tenantId().value(),
                entry.step(),
                entry.transition().name(),
                entry.detail(),
                OffsetDateTime.now(clock)}, TYPES);
    }
}
