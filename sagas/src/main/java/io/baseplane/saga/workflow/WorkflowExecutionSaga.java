package io.baseplane.saga.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStarted;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.CompleteWorkflowRunCommand;
import io.baseplane.kernel.workflow.MarkCompensationFailedCommand;
import io.baseplane.kernel.workflow.MarkStepCompensatedCommand;
import io.baseplane.kernel.workflow.MarkStepFailedCommand;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.kernel.workflow.StartStepCommand;
import io.baseplane.kernel.workflow.StartWorkflowRunCommand;
import io.baseplane.kernel.workflow.StepCompensated;
import io.baseplane.kernel.workflow.StepCompensationFailed;
import io.baseplane.kernel.workflow.StepFailed;
import io.baseplane.kernel.workflow.StepStarted;
import io.baseplane.kernel.workflow.StepSucceeded;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.common.CallOutcome;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.common.SupervisedSaga;
import io.baseplane.saga.journal.SagaJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Executes one workflow run: its steps strictly in order, each through the {@link StepExecutor} of its type,
 * each bounded by a step-timeout deadline; when a step fails for good, the succeeded steps that define a
 * compensation are undone in reverse order (the order the run aggregate hands out). The run aggregate is
 * the authority on the state; the saga reacts to its events and only remembers what it executes now.
 *
 * <p>Deadlines are persistent (ADR 0008): a DELAY step does not sleep, it schedules a "delay elapsed"
 * deadline whose handler marks the step succeeded, so a delay survives a restart. The step timeout is a
 * deadline too; both are cancelled as soon as the step's outcome is sent, and a deadline that arrives for a
 * step the saga no longer executes is ignored.
 *
 * <p>An HTTP_CALL runs off the processor's thread ({@link #callOutside}), so a slow target holds up only its
 * own run; NOTIFY and UPSERT_RECORD are local writes and run in the handler. An outcome that is technical (no
 * answer, 5xx, 429, see {@link StepOutcome#technical()}) runs the step again after a backoff, and parks the run
 * for an operator after the last attempt; any other failure fails the step, which compensates. If a handler is
 * retried, its step executes again: UPSERT_RECORD is idempotent, NOTIFY and the saga's state roll back
 * together, HTTP_CALL sends the same {@code Idempotency-Key}.
 *
 * <p>Commands are sent with {@code sendAndWait}: on the local command bus they run on this thread in the saga's
 * transaction (their events are appended when the saga's unit of work commits). A refusal by the run aggregate
 * (a domain rule, e.g. {@code workflow-run.exists} for a run requested twice) ends the saga with a journal
 * entry; any other failure is retried by {@link SupervisedSaga}.
 *
 * <p>Each transition goes to the {@link SagaJournal} under the step's name.
 */
@Saga
public class WorkflowExecutionSaga extends SupervisedSaga {

    public static final String SAGA_TYPE = "WorkflowExecution";
    static final String STEP_TIMEOUT = "workflow-step-timeout";
    static final String DELAY_ELAPSED = "workflow-delay-elapsed";
    static final String START_RUN = "start run";
    /** The run aggregate's refusal of a second start. */
    static final String RUN_EXISTS = "workflow-run.exists";
    /** The least time an HTTP_CALL's outcome gets on top of the step's timeout (queueing, delivery). */
    static final Duration MIN_CALL_MARGIN = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(WorkflowExecutionSaga.class);

    @Autowired
    @JsonIgnore
    private transient StepExecutors executors;

    private WorkflowRunId runId;
    private WorkflowId workflowId;
    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private List<WorkflowStep> steps;
    private Map<String, String> input;
    /** The step (or, while compensating, the step whose compensation) executing now; null between steps. */
    private Integer activeStep;
    /** The step the saga last asked the run to start: the one an operator's abort fails, should it be running. */
    private Integer requestedStep;
    private boolean compensating;
    private String compensationReason;
    /** While compensating: the steps still to undo, next first. */
    private List<Integer> pendingCompensations = new ArrayList<>();
    private String timeoutDeadlineId;
    private String delayDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(WorkflowRunRequested event) {
        if (runId != null) {
            // The same run requested again (a redelivered trigger): this saga already runs it.
            return;
        }
        runId = event.runId();
        workflowId = event.workflowId();
        tenantId = event.tenantId();
        workspaceId = event.workspaceId();
        steps = List.copyOf(event.steps());
        input = event.input() == null ? Map.of() : Map.copyOf(event.input());
        send(new StartWorkflowRunCommand(runId, workflowId, tenantId, workspaceId, steps, input), START_RUN);
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(WorkflowRunStarted event) {
        startStep(0);
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepStarted event) {
        int index = event.stepIndex();
        WorkflowStep step = steps.get(index);
        journal().started(step.name());
        activeStep = index;
        compensating = false;
        Duration timeout = timeoutOf(step);
        // A DELAY may set a timeout shorter than itself; every other step is bounded by its executor.
        if (step.type() == StepType.DELAY && step.timeoutSeconds() != null) {
            timeoutDeadlineId = deadlineManager.schedule(timeout, STEP_TIMEOUT, new StepDeadline(index, false));
        }
        execute(index, step.type(), step.parameters(), timeout);
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepSucceeded event) {
        journal().succeeded(event.stepName());
        int next = event.stepIndex() + 1;
        if (next < steps.size()) {
            startStep(next);
        } else {
            send(new CompleteWorkflowRunCommand(runId), event.stepName());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(WorkflowRunCompleted event) {
        cancelDeadlines();
        log.debug("Run {} of workflow {} completed", runId, workflowId);
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepFailed event) {
        journal().failed(event.stepName(), event.reason());
        send(new BeginCompensationCommand(runId, event.reason()), event.stepName());
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(CompensationStarted event) {
        compensating = true;
        compensationReason = event.reason();
        pendingCompensations = new ArrayList<>(event.stepsToCompensate());
        // Runs written before WorkflowRunFailed existed may list nothing to undo; the run ended with the next event.
        if (!pendingCompensations.isEmpty()) {
            compensateNext();
        }
    }

    /** A step failed (or the run was aborted) and nothing was to be undone: the run ended FAILED. */
    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(WorkflowRunFailed event) {
        cancelDeadlines();
        log.info("Run {} of workflow {} failed with nothing to undo: {}", runId, workflowId, event.reason());
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepCompensated event) {
        journal().compensated(event.stepName());
        pendingCompensations.remove(Integer.valueOf(event.stepIndex()));
        if (!pendingCompensations.isEmpty()) {
            compensateNext();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(WorkflowRunCompensated event) {
        cancelDeadlines();
        log.info("Run {} of workflow {} compensated: {}", runId, workflowId, compensationReason);
    }

    /** Operators must look at the run (COMPENSATION_FAILED); there is nothing safer left to undo. */
    @EndSaga
    @SagaEventHandler(associationProperty = "runId")
    public void on(StepCompensationFailed event) {
        cancelDeadlines();
        journal().compensationFailed(event.stepName(), event.reason());
        log.error("Run {} of workflow {} in tenant {}: compensation of step '{}' failed: {}",
                runId, workflowId, tenantId, event.stepName(), event.reason());
    }

    @DeadlineHandler(deadlineName = STEP_TIMEOUT)
    public void onStepTimeout(StepDeadline deadline) {
        if (!executing(deadline)) {
            return;
        }
        timeoutDeadlineId = null;
        WorkflowStep step = steps.get(deadline.stepIndex());
        finish(deadline.stepIndex(), StepOutcome.failed("timed out after " + timeoutOf(step).toSeconds() + "s"));
    }

    @DeadlineHandler(deadlineName = DELAY_ELAPSED)
    public void onDelayElapsed(StepDeadline deadline) {
        if (!executing(deadline)) {
            return;
        }
        delayDeadlineId = null;
        finish(deadline.stepIndex(), StepOutcome.succeeded(Map.of()));
    }

    private void compensateNext() {
        int index = pendingCompensations.get(0);
        WorkflowStep step = steps.get(index);
        CompensationStep compensation = step.compensation();
        journal().compensating(step.name(), compensationReason);
        activeStep = index;
        execute(index, compensation.type(), compensation.parameters(), timeoutOf(step));
    }

    private void startStep(int index) {
        requestedStep = index;
        send(new StartStepCommand(runId, index), stepName(index));
    }

    /**
     * Executes a step or a compensation: DELAY by a deadline, an HTTP_CALL off the processor's thread (its
     * outcome comes back to {@link #called}), local writes (NOTIFY, UPSERT_RECORD) right here.
     */
    private void execute(int index, StepType type, Map<String, String> parameters, Duration timeout) {
        Map<String, String> rendered = ParameterTemplates.render(parameters, input, runId.toString());
        if (type == StepType.DELAY) {
            Duration delay = Duration.ofSeconds(Long.parseLong(rendered.get("seconds").strip()));
            delayDeadlineId = deadlineManager.schedule(delay, DELAY_ELAPSED, new StepDeadline(index, compensating));
            return;
        }
        StepContext context = new StepContext(tenantId, workspaceId, runId, index, steps.get(index).name(),
                compensating, rendered, timeout);
        if (type == StepType.HTTP_CALL) {
            StepExecutors stepExecutors = executors;
            // Queued behind the tenant's other calls, the call may start late: its outcome may take that long too.
            Duration outcomeWithin = timeout.plus(timeout.compareTo(MIN_CALL_MARGIN) > 0 ? timeout : MIN_CALL_MARGIN);
            callOutside(stepName(index), outcomeWithin, () -> stepExecutors.execute(type, context));
            return;
        }
        finish(index, executors.execute(type, context));
    }

    @Override
    protected void called(String step, Object result) {
        if (activeStep == null) {
            return;
        }
        StepOutcome outcome = result instanceof StepOutcome stepOutcome ? stepOutcome
                : StepOutcome.unavailable(((CallOutcome.Unexpected) result).error());
        finish(activeStep, outcome);
    }

    /** The step that failed technically runs again (its compensation, while compensating). */
    @Override
    protected void retryCall(String step) {
        if (activeStep == null) {
            return;
        }
        int index = activeStep;
        WorkflowStep definition = steps.get(index);
        if (compensating) {
            CompensationStep compensation = definition.compensation();
            execute(index, compensation.type(), compensation.parameters(), timeoutOf(definition));
        } else {
            execute(index, definition.type(), definition.parameters(), timeoutOf(definition));
        }
    }

    @Override
    protected void learnFrom(Object unhandledPayload) {
        if (runId == null && unhandledPayload instanceof WorkflowRunRequested requested) {
            runId = requested.runId();
            workflowId = requested.workflowId();
            tenantId = requested.tenantId();
            workspaceId = requested.workspaceId();
            steps = List.copyOf(requested.steps());
            input = requested.input() == null ? Map.of() : Map.copyOf(requested.input());
        }
    }

    /**
     * An operator gave up on the run: the step that runs now fails with the operator's reason, which starts
     * the compensation of the succeeded steps in reverse order; between steps, the compensation starts at once.
     * An undo that runs now (parked, say) fails instead, and the run ends COMPENSATION_FAILED for operators.
     */
    @Override
    protected void abort(String reason) {
        if (runId == null) {
            SagaLifecycle.end();
            return;
        }
        if (activeStep != null) {
            // A step fails, and the compensation follows; an undo fails, and the run ends COMPENSATION_FAILED.
            endCall();
            finish(activeStep, StepOutcome.failed(reason));
            return;
        }
        if (compensating) {
            log.info("Run {} is compensating already; abort has nothing to add", runId);
            return;
        }
        // The saga may not know which step runs (its handler may be the one that failed): the run knows.
        if (requestedStep == null || refusalOf(new MarkStepFailedCommand(runId, requestedStep, reason)) != null) {
            send(new BeginCompensationCommand(runId, reason), "abort");
        }
    }

    /**
     * The execution of step {@code index} ended: a technical failure is tried again (and parks the saga after
     * the last attempt); otherwise its deadlines stop and the run aggregate is told.
     */
    private void finish(int index, StepOutcome outcome) {
        if (outcome.technical()) {
            failedTechnically(stepName(index), outcome.reason());
            return;
        }
        callSettled();
        activeStep = null;
        cancelDeadlines();
        String step = stepName(index);
        if (compensating) {
            send(outcome.succeeded()
                    ? new MarkStepCompensatedCommand(runId, index)
                    : new MarkCompensationFailedCommand(runId, index, outcome.reason()), step);
        } else {
            send(outcome.succeeded()
                    ? new MarkStepSucceededCommand(runId, index, outcome.output())
                    : new MarkStepFailedCommand(runId, index, outcome.reason()), step);
        }
    }

    private boolean executing(StepDeadline deadline) {
        return activeStep != null && activeStep == deadline.stepIndex() && compensating == deadline.compensation();
    }

    private void cancelDeadlines() {
        timeoutDeadlineId = cancel(STEP_TIMEOUT, timeoutDeadlineId);
        delayDeadlineId = cancel(DELAY_ELAPSED, delayDeadlineId);
    }

    /**
     * A deadline that cannot be cancelled (already fired, or being fired right now) is harmless: its
     * handler finds the step no longer executing. So a failed cancel is logged, not thrown.
     */
    private String cancel(String name, String id) {
        if (id != null) {
            try {
                deadlineManager.cancelSchedule(name, id);
            } catch (RuntimeException e) {
                log.debug("Run {}: deadline {} ({}) not cancelled: {}", runId, id, name, e.toString());
            }
        }
        return null;
    }

    /**
     * Sends a command to the run. A refusal (a rule of the run, or a run that exists already) cannot be
     * fixed by retrying: it is journaled against {@code step} and ends the saga. Other failures propagate.
     */
    private void send(Object command, String step) {
        Throwable refusal = refusalOf(command);
        if (refusal != null) {
            if (refusal instanceof DomainException domain && RUN_EXISTS.equals(domain.code())) {
                // The run was requested again (a redelivered trigger) after its saga ended: nothing to do.
                log.info("Run {} of workflow {} exists already; repeated request ignored", runId, workflowId);
                SagaLifecycle.end();
                return;
            }
            String reason = FailureReason.of(step, refusal);
            log.warn("Run {} of workflow {}: {} refused, saga ends: {}", runId, workflowId,
                    command.getClass().getSimpleName(), reason);
            journal().failed(step, reason);
            cancelDeadlines();
            endCall();
            SagaLifecycle.end();
        }
    }

    private Duration timeoutOf(WorkflowStep step) {
        return step.timeoutSeconds() == null ? executors.defaultTimeout() : Duration.ofSeconds(step.timeoutSeconds());
    }

    private String stepName(int index) {
        return steps.get(index).name();
    }

    @Override
    protected String sagaType() {
        return SAGA_TYPE;
    }

    @Override
    protected Object sagaKey() {
        return runId;
    }

    @Override
    protected TenantId tenant() {
        return tenantId;
    }
}
