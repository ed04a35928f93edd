package io.baseplane.saga.common;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs sagas' calls to the outside world (HTTP_CALL steps, Airtable pages) off the event processors' threads,
 * on a {@link TenantFairExecutor}, so a slow target holds up nobody but the saga that called it, and one tenant
 * cannot take every thread. A call starts only once the saga's transaction that asked for it has committed, and
 * its outcome goes back to the saga as a deadline due now: persistent, so it reaches the saga on whichever node
 * holds it. Should the node die meanwhile, the saga's call timeout counts the call as failed and it is retried.
 */
@Component
public class OutsideCalls {

    /** The deadline that carries a {@link CallOutcome} back to its saga. */
    public static final String OUTCOME = "saga-call-outcome";

    private static final Logger log = LoggerFactory.getLogger(OutsideCalls.class);

    private final TenantFairExecutor executor;

    @Autowired
    public OutsideCalls(SagaProperties properties) {
        this(TenantFairExecutor.withThreads("saga-call", properties.workThreads(), properties.workPerTenant()));
    }

    public OutsideCalls(TenantFairExecutor executor) {
        this.executor = executor;
    }

    void submit(Object tenant, ScopeDescriptor saga, String callId, Supplier<Object> work, DeadlineManager deadlines) {
        // The outcome continues the chain of the handler that asked for the call.
        MetaData chain = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
        Runnable call = () -> deliver(saga,
                new GenericMessage<>(new CallOutcome(callId, run(work, callId)), chain), deadlines);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> executor.execute(tenant, call));
        } else {
            executor.execute(tenant, call);
        }
    }

    private static Object run(Supplier<Object> work, String callId) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.warn("Outside call {} failed unexpectedly", callId, e);
            return new CallOutcome.Unexpected(FailureReason.of("call", e));
        }
    }

    private static void deliver(ScopeDescriptor saga, Message<CallOutcome> outcome, DeadlineManager deadlines) {
        try {
            deadlines.schedule(Instant.now(), OUTCOME, outcome, saga);
        } catch (RuntimeException e) {
            // The saga's call timeout fires in its stead, and the call is made again.
            log.error("Outcome of outside call {} could not be handed back to {}", outcome.getPayload().callId(), saga, e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
