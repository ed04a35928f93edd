package io.baseplane.saga.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.saga.journal.SagaJournal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.Saga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The failure policy every saga shares (ADR 0015), so that one bad saga never holds up the others and an
 * operator can see and move each one.
 *
 * <ul>
 *   <li>A refusal (the aggregate said no, see {@link Refusals}) is the saga's own business: it compensates.</li>
 *   <li>A handler that fails for any other reason is contained: what it did is undone (a savepoint and a nested
 *       unit of work), its state is put back, and the message is held in the saga's state. The processor goes on
 *       with every other saga. The message is handled again after a backoff, by a persistent deadline (so a
 *       restart or another node keeps it), and messages for this saga that arrive meanwhile are held behind it,
 *       in order. An outside call that fails technically is retried the same way ({@link #failedTechnically}).</li>
 *   <li>After {@code baseplane.sagas.max-attempts} the saga is parked: it waits for an operator, who retries it
 *       ({@link SagaRetryRequested}, attempts counted anew) or aborts it ({@link SagaAbortRequested}: the saga
 *       undoes its succeeded steps). A technical failure alone never compensates and never loses the saga.</li>
 * </ul>
 *
 * <p>Every transition goes to the {@link SagaJournal}, which keeps the instance's status for operators. Each
 * saga associates itself with its own identifier ({@link #SAGA_ID}), so operators' events find it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
// A field dropped in a later version must not make stored instances of running sagas unreadable.
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SupervisedSaga {

    /** The association every saga has with its own identifier; operators' events carry it. */
    public static final String SAGA_ID = "sagaId";
    static final String RETRY = "saga-retry";
    static final String CALL_TIMEOUT = "saga-call-timeout";
    private static final String END = "end";

    private static final Logger log = LoggerFactory.getLogger(SupervisedSaga.class);

    // Collaborators are injected anew each time the saga is loaded; they are not state and cannot be serialised.
    @Autowired
    @JsonIgnore
    private transient SagaSupervision supervision;
    @Autowired
    @JsonIgnore
    private transient SagaJournal journal;
    @Autowired
    @JsonIgnore
    protected transient DeadlineManager deadlineManager;
    @Autowired
    @JsonIgnore
    protected transient CommandGateway commandGateway;
    @Autowired
    @JsonIgnore
    private transient OutsideCalls outsideCalls;
    /** True while held messages are handled again: they must not be held once more. */
    @JsonIgnore
    private transient boolean redelivering;
    @JsonIgnore
    private transient boolean lastAttemptFailed;
    /** Whether the end is journaled: a retry that ends the saga passes two handlers on its way out. */
    @JsonIgnore
    private transient boolean endJournaled;

    private String sagaId;
    /** Whether this instance recorded anything: one that ends without (a repeated request) leaves no trace. */
    private boolean journaled;
    private PendingFailure failure;
    /** The outside call whose outcome the saga waits for, its step and its timeout; null when none. */
    private String pendingCallId;
    private String pendingCallStep;
    private String callTimeoutId;

    /** The saga's name in the journal and for operators, e.g. {@code WorkflowExecution}. */
    protected abstract String sagaType();

    /** What the saga is about (its run, workspace or tenant); null before its first event was handled. */
    protected abstract Object sagaKey();

    protected abstract TenantId tenant();

    /**
     * An operator gave up on the saga: undo the steps that succeeded, in reverse order, so that it ends
     * compensated (or compensation failed). Held messages are dropped before, each shown to {@link #learnFrom}.
     */
    protected abstract void abort(String reason);

    /**
     * A message the saga never handled, shown to it before an abort drops it: a saga whose first message failed
     * takes from it what it is about (its key, its tenant), without acting on it, so that its abort can undo.
     */
    protected void learnFrom(Object unhandledPayload) {
    }

    /** Runs again the outside call of {@code step} that {@link #failedTechnically} reported. */
    protected void retryCall(String step) {
        throw new IllegalStateException(sagaType() + " reports no failed calls, yet one is retried: " + step);
    }

    /**
     * The outcome of the call {@link #callOutside} made for {@code step}: what its work returned, or a
     * {@link CallOutcome.Unexpected} when the work threw.
     */
    protected void called(String step, Object result) {
        throw new IllegalStateException(sagaType() + " makes no outside calls, yet one answered: " + step);
    }

    /**
     * Runs {@code work} (a call to the outside world) off the processor's thread, once this handler's transaction
     * committed; what it returns comes back to {@link #called}. If nothing comes back within {@code timeout}
     * (the node died), the call failed technically and is made again. The work must be bounded by its own
     * timeouts, and turn the outside world's answers into a result; it runs without the saga's state.
     */
    protected final void callOutside(String step, Duration timeout, Supplier<Object> work) {
        pendingCallId = UUID.randomUUID().toString();
        pendingCallStep = step;
        callTimeoutId = deadlineManager.schedule(timeout, CALL_TIMEOUT, new CallTimeout(pendingCallId));
        outsideCalls.submit(tenant(), Scope.describeCurrentScope(), pendingCallId, work, deadlineManager);
    }

    @DeadlineHandler(deadlineName = OutsideCalls.OUTCOME)
    public void onCallOutcome(CallOutcome outcome) {
        if (!outcome.callId().equals(pendingCallId)) {
            return; // a call the saga no longer waits for: it timed out, or the saga was aborted
        }
        String step = pendingCallStep;
        endCall();
        called(step, outcome.result());
    }

    @DeadlineHandler(deadlineName = CALL_TIMEOUT)
    public void onCallTimeout(CallTimeout timeout) {
        if (!timeout.callId().equals(pendingCallId)) {
            return;
        }
        String step = pendingCallStep;
        callTimeoutId = null;
        endCall();
        failedTechnically(step, step + " failed: no outcome in time (the call did not answer, or its node stopped)");
    }

    /**
     * Gives up the pending outside call and its retries: the saga's work ended without it (its run was failed from
     * outside). A late outcome or retry finds nothing to do.
     */
    protected final void abandonCall() {
        endCall();
        if (failure != null && failure.call()) {
            cancelRetry();
            failure = null;
        }
    }

    /** Stops waiting for the pending outside call, if any; its outcome, should it still come, is ignored. */
    protected final void endCall() {
        if (callTimeoutId != null) {
            cancel(CALL_TIMEOUT, callTimeoutId);
        }
        pendingCallId = null;
        pendingCallStep = null;
        callTimeoutId = null;
    }

    /** Every message this saga handles passes here: see the class comment. */
    @MessageHandlerInterceptor
    public Object supervise(Message<?> message, InterceptorChain chain) throws Exception {
        if (sagaId == null) {
            sagaId = currentSaga().getSagaIdentifier();
            SagaLifecycle.associateWith(SAGA_ID, sagaId);
        }
        if (failure != null && !failure.call() && !redelivering && !bypassesHeldMessages(message)) {
            // Behind the message that failed: the saga sees its messages in the order they came.
            failure = failure.holding(supervision.hold(message));
            return null;
        }
        return attempt(message, chain);
    }

    @DeadlineHandler(deadlineName = RETRY)
    public void onRetryDue(RetryDue due) throws Exception {
        if (failure == null || failure.attempt() != due.attempt()) {
            return; // an operator retried or aborted meanwhile
        }
        retryNow();
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(SagaRetryRequested request) throws Exception {
        if (failure == null) {
            log.info("{} {}: retry requested, but nothing is failing", sagaType(), sagaId);
            return;
        }
        cancelRetry();
        failure = failure.restarted();
        retryNow();
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(SagaAbortRequested request) {
        if (failure != null) {
            cancelRetry();
            // The saga may never have handled its first message: what it says is what the undo needs to know.
            failure.held().forEach(held -> learnFrom(supervision.release(held).getPayload()));
            log.warn("{} {} aborted; {} held message(s) dropped", sagaType(), sagaId, failure.held().size());
            failure = null;
        }
        endCall();
        abort("aborted by an operator: " + request.reason());
    }

    /**
     * An outside call of {@code step} failed for a technical reason (no answer, 5xx, 429): it is run again after
     * a backoff ({@link #retryCall}), or the saga is parked once the attempts are used up.
     */
    protected final void failedTechnically(String step, String error) {
        int attempt = failure == null ? 1 : failure.attempt() + 1;
        failure = next(step, attempt, error, List.of(), true);
    }

    /** The outside call retried last went through, or was refused: the saga goes on as usual. */
    protected final void callSettled() {
        if (failure != null && failure.call()) {
            cancelRetry();
            journal().resumed(failure.step());
            failure = null;
        }
    }

    /**
     * Sends {@code command} and waits for it: null when it went through, the refusal when the aggregate said no
     * (for the saga to compensate). A technical failure is thrown, so the handler is retried.
     */
    protected final Throwable refusalOf(Object command) {
        try {
            commandGateway.sendAndWait(command);
            return null;
        } catch (RuntimeException e) {
            Throwable refusal = Refusals.refusalIn(e);
            if (refusal == null) {
                throw e;
            }
            return refusal;
        }
    }

    protected final SagaJournal.Of journal() {
        journaled = true;
        Object key = sagaKey();
        return journal.of(sagaId, sagaType(), key == null ? sagaId : key, tenant());
    }

    protected final SagaProperties sagaProperties() {
        return supervision.properties();
    }

    private Object attempt(Message<?> message, InterceptorChain chain) throws Exception {
        Saga<?> saga = currentSaga();
        byte[] state = supervision.snapshot(this);
        Set<AssociationValue> associations = new HashSet<>(saga.getAssociationValues().asSet());
        boolean wasActive = saga.isActive();
        lastAttemptFailed = false;
        try {
            Object result = supervision.contained(message, chain::proceed);
            if (wasActive && !saga.isActive() && journaled && !endJournaled) {
                endJournaled = true;
                journal().ended(END);
            }
            return result;
        } catch (Exception e) {
            supervision.restore(this, state);
            restore(saga.getAssociationValues(), associations);
            lastAttemptFailed = true;
            handlerFailed(message, FailureReason.unwrap(e));
            return null;
        }
    }

    private void handlerFailed(Message<?> message, Throwable cause) {
        // When held messages are handled again, the one that failed is the first held one already.
        PendingFailure before = failure;
        HeldMessage held = supervision.hold(message);
        String step = before != null ? before.step() : "handle " + held.payloadName();
        List<HeldMessage> waiting = before == null ? List.of(held)
                : redelivering ? before.held() : before.holding(held).held();
        int attempt = before == null ? 1 : before.attempt() + 1;
        String error = FailureReason.of(step, cause);
        log.warn("{} {}: {} failed (attempt {})", sagaType(), sagaId, step, attempt, cause);
        failure = next(step, attempt, error, waiting, false);
    }

    /** Schedules the next attempt, or parks the saga when {@code attempt} was the last one allowed. */
    private PendingFailure next(String step, int attempt, String error, List<HeldMessage> held, boolean call) {
        SagaProperties properties = supervision.properties();
        if (attempt >= properties.maxAttempts()) {
            journal().parked(step, attempt, error);
            log.error("{} {} parked after {} attempts of '{}': {}", sagaType(), sagaId, attempt, step, error);
            return new PendingFailure(step, attempt, error, held, null, call);
        }
        Duration backoff = properties.backoffAfter(attempt);
        String deadlineId = deadlineManager.schedule(backoff, RETRY, new RetryDue(attempt));
        journal().retrying(step, attempt, error);
        return new PendingFailure(step, attempt, error, held, deadlineId, call);
    }

    /** The failed call runs again, or the held messages are handled again in order until one fails. */
    private void retryNow() throws Exception {
        if (failure.call()) {
            failure = new PendingFailure(failure.step(), failure.attempt(), failure.error(), failure.held(), null, true);
            retryCall(failure.step());
            return;
        }
        redelivering = true;
        try {
            boolean first = true;
            while (failure != null) {
                String step = failure.step();
                currentSaga().handle(supervision.release(failure.held().get(0)));
                if (lastAttemptFailed) {
                    return;
                }
                // A saga the message ended has its final entry already.
                if (first && currentSaga().isActive()) {
                    journal().resumed(step);
                    first = false;
                }
                if (failure == null) {
                    return; // the message settled everything: an abort, failed before, dropped what was held
                }
                failure = failure.withoutFirst();
            }
        } finally {
            redelivering = false;
        }
    }

    private void cancelRetry() {
        if (failure != null && failure.retryDeadlineId() != null) {
            cancel(RETRY, failure.retryDeadlineId());
        }
    }

    /** A deadline already fired (or firing) is harmless: its handler finds that the saga moved on. */
    private void cancel(String name, String deadlineId) {
        try {
            deadlineManager.cancelSchedule(name, deadlineId);
        } catch (RuntimeException e) {
            log.debug("{} {}: deadline {} ({}) not cancelled: {}", sagaType(), sagaId, deadlineId, name, e.toString());
        }
    }

    /** Operators' events and the retry itself must reach a saga whose other messages wait. */
    private static boolean bypassesHeldMessages(Message<?> message) {
        Object payload = message.getPayload();
        return payload instanceof SagaRetryRequested || payload instanceof SagaAbortRequested
                || message instanceof DeadlineMessage<?> deadline && RETRY.equals(deadline.getDeadlineName());
    }

    private static void restore(AssociationValues current, Set<AssociationValue> before) {
        for (AssociationValue value : Set.copyOf(current.asSet())) {
            if (!before.contains(value)) {
                current.remove(value);
            }
        }
        before.forEach(current::add);
    }

    private static Saga<?> currentSaga() {
        Scope scope = Scope.getCurrentScope();
        return (Saga<?>) scope;
    }
}
