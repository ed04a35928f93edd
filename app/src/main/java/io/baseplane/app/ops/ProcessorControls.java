package io.baseplane.app.ops;

import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.ops.ProcessorPaused;
import io.baseplane.kernel.ops.ProcessorResumed;
import io.baseplane.saga.ops.Operator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which processors an operator paused ({@code processor_control}). The request only writes the row, with the event
 * that records it, in one transaction; every node's {@code ProcessorSupervisor} reads the table each tick and stops or
 * starts its own instance, so a pause holds on every node, and on a node that starts later.
 */
@Component
public class ProcessorControls {

    public static final int MAX_REASON_LENGTH = 500;

    /** Who paused a processor, why and when. */
    public record Pause(String by, String reason, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final TransactionTemplate transaction;

    ProcessorControls(JdbcTemplate jdbc, EventGateway events, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public Set<String> paused() {
        return Set.copyOf(jdbc.queryForList("select processor_name from processor_control where paused",
                String.class));
    }

    public Optional<Pause> pauseOf(String processor) {
        List<Pause> pauses = jdbc.query("""
                        select changed_by, reason, changed_at from processor_control
                        where processor_name = ? and paused""",
                (row, n) -> new Pause(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                processor);
        return pauses.stream().findFirst();
    }

    /** Pauses the processor everywhere; pausing a paused one records nothing new. */
    public void pause(String processor, String reason, Operator operator) {
        change(processor, true, Text.requireText("reason", reason, MAX_REASON_LENGTH), operator);
    }

    /** Resumes the processor everywhere; resuming a running one records nothing new. */
    public void resume(String processor, String reason, Operator operator) {
        change(processor, false, Text.requireText("reason", reason, MAX_REASON_LENGTH), operator);
    }

    private void change(String processor, boolean pause, String reason, Operator operator) {
        transaction.executeWithoutResult(status -> {
            int changed = jdbc.update("""
                    insert into processor_control (processor_name, paused, changed_by, reason, changed_at)
                    values (?, ?, ?, ?, now())
                    on conflict (processor_name) do update
                        set paused = excluded.paused, changed_by = excluded.changed_by, reason = excluded.reason,
                            changed_at = excluded.changed_at
                        where processor_control.paused <> excluded.paused""",
                    processor, pause, operator.userId(), reason);
            if (changed > 0) {
                Object event = pause ? new ProcessorPaused(processor, reason) : new ProcessorResumed(processor, reason);
                events.publish(GenericEventMessage.asEventMessage(event).andMetaData(operator.actionMetaData()));
            }
        });
    }
}
