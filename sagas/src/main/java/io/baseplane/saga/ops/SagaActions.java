package io.baseplane.saga.ops;

import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaDeadlineFireRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
import io.baseplane.kernel.saga.SagaStatus;
import io.baseplane.saga.journal.JdbcSagaJournal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' actions on one saga. Each checks the saga's row (locked, so its status holds until the end),
 * writes a journal entry naming the operator and the reason, and publishes the request as an event, all in
 * one transaction: Axon's JDBC storage engine joins it through its connection provider, so the journal entry
 * and the event commit together or not at all. The saga itself handles the event, on whichever node holds its
 * segment; nothing here touches its state. A refused action writes nothing.
 */
@Component
public class SagaActions {

    public static final int MAX_REASON_LENGTH = 500;

    static final Set<SagaStatus> RETRYABLE = EnumSet.of(SagaStatus.RETRYING, SagaStatus.PARKED);
    static final Set<SagaStatus> ABORTABLE = EnumSet.of(SagaStatus.RUNNING, SagaStatus.RETRYING, SagaStatus.PARKED);

    private static final String NO_STEP = "-";

    private final JdbcSagaJournal journal;
    private final SagaInstances instances;
    private final SagaDeadlines deadlines;
    private final EventGateway events;
    private final TransactionTemplate transaction;

    public SagaActions(JdbcSagaJournal journal, SagaInstances instances, SagaDeadlines deadlines, EventGateway events,
                       PlatformTransactionManager transactionManager) {
        this.journal = journal;
        this.instances = instances;
        this.deadlines = deadlines;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Asks a retrying or parked saga to retry its failed step now. */
    public SagaSummary retry(String sagaId, String reason, Operator operator) {
        String why = reason(reason);
        transaction.executeWithoutResult(status -> {
            SagaSummary saga = activeSaga(sagaId);
            if (!RETRYABLE.contains(saga.status())) {
                throw new RuleViolationException("saga.not-retryable", "Saga " + sagaId + " is " + saga.status()
                        + "; only a RETRYING or PARKED saga can be retried");
            }
            record(saga, "OPERATOR_RETRY", why, operator, new SagaRetryRequested(sagaId, saga.type(), why));
        });
        return current(sagaId);
    }

    /** Asks a saga to undo its succeeded steps and end. */
    public SagaSummary abort(String sagaId, String reason, Operator operator) {
        String why = reason(reason);
        transaction.executeWithoutResult(status -> {
            SagaSummary saga = activeSaga(sagaId);
            if (!ABORTABLE.contains(saga.status())) {
                throw new RuleViolationException("saga.not-abortable", "Saga " + sagaId + " is " + saga.status()
                        + "; only a RUNNING, RETRYING or PARKED saga can be aborted");
            }
            record(saga, "OPERATOR_ABORT", why, operator, new SagaAbortRequested(sagaId, saga.type(), why));
        });
        return current(sagaId);
    }

    /** Makes one of the saga's pending deadlines due now. */
    public SagaSummary fireDeadline(String sagaId, String deadlineId, String reason, Operator operator) {
        String why = reason(reason);
        transaction.executeWithoutResult(status -> {
            SagaSummary saga = activeSaga(sagaId);
            boolean pending = deadlines.pendingOf(sagaId).stream()
                    .anyMatch(deadline -> deadline.deadlineId().equals(deadlineId));
            if (!pending || !deadlines.dueNow(deadlineId)) {
                throw new NotFoundException("deadline", deadlineId + " of saga " + sagaId);
            }
            record(saga, "OPERATOR_FIRE_DEADLINE", why, operator,
                    new SagaDeadlineFireRequested(sagaId, saga.type(), deadlineId, why));
        });
        return current(sagaId);
    }

    /** The action a batch applies, by the same path as a single one. */
    SagaSummary apply(BatchAction action, String sagaId, String reason, Operator operator) {
        return switch (action) {
            case RETRY -> retry(sagaId, reason, operator);
            case ABORT -> abort(sagaId, reason, operator);
        };
    }

    static String reason(String raw) {
        return Text.requireText("reason", raw, MAX_REASON_LENGTH);
    }

    private SagaSummary activeSaga(String sagaId) {
        SagaSummary saga = instances.lock(sagaId).orElseThrow(() -> new NotFoundException("saga", sagaId));
        if (saga.ended()) {
            throw new RuleViolationException("saga.ended",
                    "Saga " + sagaId + " ended " + saga.status() + " at " + saga.endedAt() + "; nothing is left to do");
        }
        return saga;
    }

    private void record(SagaSummary saga, String transition, String reason, Operator operator, Object request) {
        journal.recordOperatorAction(saga.sagaId(), saga.type(), saga.key(), saga.tenantId(),
                saga.currentStep() == null || saga.currentStep().isBlank() ? NO_STEP : saga.currentStep(),
                transition, reason, operator.userId());
        events.publish(GenericEventMessage.asEventMessage(request).andMetaData(metaData(saga, operator)));
    }

    /**
     * The operator's metadata, with the tenant the saga works for (an operator's own token names none, and
     * auditors filter the log by tenant) and the request's correlation id: the action starts a chain of its own,
     * so it is both the correlation and the causation, as for a request's first event.
     */
    private static Map<String, Object> metaData(SagaSummary saga, Operator operator) {
        Map<String, Object> metaData = operator.actionMetaData();
        if (saga.tenantId() != null) {
            metaData.put(MetaDataKeys.TENANT_ID, saga.tenantId().toString());
        }
        return metaData;
    }

    private SagaSummary current(String sagaId) {
        return instances.find(sagaId).orElseThrow(() -> new NotFoundException("saga", sagaId));
    }
}
