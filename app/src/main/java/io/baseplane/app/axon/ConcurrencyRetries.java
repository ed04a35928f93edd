package io.baseplane.app.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command again when it lost a race for its aggregate (a {@code ConcurrencyException}: another command, on
 * this node or another, appended first), a few times after a short random pause, before the client hears 409. Only
 * that: a refusal, a stale {@code If-Match} or a failure of another kind is the answer. A command sent within another
 * unit of work or transaction (a saga's handler, the schedule poll) is not retried here: a retry would run on another
 * thread, outside that transaction, which its owner retries as a whole (the saga's failure policy, the next poll).
 */
final class ConcurrencyRetries implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;

    ConcurrencyRetries(ScheduledExecutorService executor, int maxRetries) {
        this.executor = executor;
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()
                || ExceptionUtils.findException(lastFailure, ConcurrencyException.class).isEmpty()) {
            return false;
        }
        long pauseMillis = ThreadLocalRandom.current().nextLong(5, 20) * failures.size();
        executor.schedule(commandDispatch, pauseMillis, TimeUnit.MILLISECONDS);
        return true;
    }
}
