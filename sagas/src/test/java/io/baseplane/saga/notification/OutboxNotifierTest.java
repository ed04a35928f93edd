package io.baseplane.saga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.tenant.TenantId;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The SQL itself runs against PostgreSQL in the app's tests; here: what is written, and inside a savepoint. */
class OutboxNotifierTest {

    private final RecordingJdbc jdbc = new RecordingJdbc();
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final OutboxNotifier notifier = new OutboxNotifier(jdbc, transactions);

    @Test
    void writesOneOutboxRowWithAFreshIdInsideASavepoint() {
        TenantId tenant = TenantId.random();

        notifier.notify(new Notification(tenant, "alice", "workspace.ready", "Workspace 'Design' is ready."));
        notifier.notify(new Notification(tenant, "bob", "workspace.ready", "Workspace 'Ops' is ready."));

        assertThat(jdbc.sql).allMatch(sql -> sql.startsWith("insert into notification_outbox "
                + "(id, tenant_id, recipient, topic, body)"));
        Object[] first = jdbc.args.get(0);
        assertThat(first[0]).isInstanceOf(UUID.class).isNotEqualTo(jdbc.args.get(1)[0]);
        assertThat(first).containsSubsequence(tenant.value(), "alice", "workspace.ready",
                "Workspace 'Design' is ready.");
        assertThat(jdbc.types.get(0)).containsExactly(Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR);
        assertThat(transactions.propagations).containsOnly(TransactionDefinition.PROPAGATION_NESTED);
        assertThat(transactions.committed).isEqualTo(2);
    }

    @Test
    void platformNoticeHasNoTenant() {
        notifier.notify(new Notification(null, "ops@example.com", "platform.notice", "Maintenance tonight"));

        assertThat(jdbc.args.get(0)[1]).isNull();
    }

    @Test
    void failedInsertRollsBackToTheSavepointAndReachesTheCaller() {
        jdbc.failure = new IllegalStateException("duplicate key");

        assertThatThrownBy(() -> notifier.notify(new Notification(null, "alice", "t", "b")))
                .hasMessage("duplicate key");
        assertThat(transactions.rolledBack).isEqualTo(1);
    }

    @Test
    void notificationOutsideTheColumnLimitsIsRefusedBeforeSql() {
        assertThatThrownBy(() -> new Notification(null, "a".repeat(256), "t", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notification(null, "alice", " ", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notification(null, "alice", "t", null))
                .isInstanceOf(NullPointerException.class);
    }

    private static final class RecordingJdbc extends JdbcTemplate {
        final List<String> sql = new ArrayList<>();
        final List<Object[]> args = new ArrayList<>();
        final List<int[]> types = new ArrayList<>();
        RuntimeException failure;

        @Override
        public int update(String sql, Object[] args, int[] argTypes) {
            if (failure != null) {
                throw failure;
            }
            this.sql.add(sql);
            this.args.add(args);
            this.types.add(argTypes);
            return 1;
        }
    }

    private static final class RecordingTransactions implements PlatformTransactionManager {
        final List<Integer> propagations = new ArrayList<>();
        int committed;
        int rolledBack;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            propagations.add(definition.getPropagationBehavior());
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
            rolledBack++;
        }
    }
}
