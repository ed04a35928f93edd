package io.baseplane.saga.notification;

import io.baseplane.saga.common.Savepoints;
import java.sql.Types;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Default {@link Notifier}: writes the notification to {@code notification_outbox} for a deliverer to send
 * later. JdbcTemplate joins the Spring transaction of the saga's unit of work, so the row commits or rolls
 * back together with the saga's state, and a replayed event cannot leave a notification behind twice.
 */
@Component
public class OutboxNotifier implements Notifier {

    private static final String INSERT =
            "insert into notification_outbox (id, tenant_id, recipient, topic, body) values (?, ?, ?, ?, ?)";

    // Typed explicitly so a null tenant binds as a uuid null instead of relying on driver metadata lookups.
    private static final int[] TYPES = {Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    public OutboxNotifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // A savepoint: the saga's compensation and state can still commit after this notifier throws.
        this.savepoint = Savepoints.template(transactionManager);
    }

    @Override
    public void notify(Notification notification) {
        Object[] row = {
                UUID.randomUUID(),
                notification.tenantId() == null ? null : notification.tenantId().value(),
                notification.recipient(),
                notification.topic(),
                notification.body()};
        savepoint.executeWithoutResult(status -> jdbc.update(INSERT, row, TYPES));
    }
}
