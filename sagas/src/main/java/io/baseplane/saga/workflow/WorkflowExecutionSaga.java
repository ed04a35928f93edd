package io.baseplane.saga.workflow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.common.FailureReason;
import io.baseplane.saga.journal.SagaJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
 * <p>Steps other than DELAY execute synchronously in the event handler, i.e. on the saga processor's
 * thread and inside its transaction. That is acceptable because every executor is bounded by the step's
 * timeout (HTTP_CALL) or is a local write (NOTIFY, UPSERT_RECORD); the timeout deadline then only fires
 * for steps that wait (DELAY with an explicit {@code timeoutSeconds}). If a handler is retried after a
 * failure, its step executes again: UPSERT_RECORD is idempotent, NOTIFY and the saga's state roll back
 * together, HTTP_CALL sends the same {@code Idempotency-Key}.
 *
 * <p>Commands are sent with {@code sendAndWait}: on the local command bus they run on this thread in a
 * savepoint of the saga's transaction (their events are appended when the saga's unit of work commits).
 * A refusal by the run aggregate (a domain rule, e.g. {@code workflow-run.exists} for a run requested twice)
 * ends the saga with a journal entry; any other failure is thrown so the processor retries the event.
 *
 * <p>Each transition goes to the {@link SagaJournal} under the step's name.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
// A field dropped in a later version must not make stored instances of running sagas unreadable.
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkflowExecutionSaga {

    static final String SAGA_TYPE = "WorkflowExecution";
    static final String STEP_TIMEOUT = "workflow-step-timeout";
    static final String DELAY_ELAPSED = "workflow-delay-elapsed";
    static final String START_RUN = "start run";
    /** The run aggregate's refusal of a second start. */
    static final String RUN_EXISTS = "workflow-run.exists";

    private static final Logger log = LoggerFactory.getLogger(WorkflowExecutionSaga.class);

    // Collaborators are injected anew each time the saga is loaded; they are not state and cannot be serialised.
    @Autowired
    @JsonIgnore
    private transient CommandGateway commandGateway;
    @Autowired
    @JsonIgnore
    private transient DeadlineManager deadlineManager;
    @Autowired
    @JsonIgnore
    private transient StepExecutors executors;
    @Autowired
    @JsonIgnore
    private transient SagaJournal journal;

    private WorkflowRunId runId;
    private WorkflowId workflowId;
    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private List<WorkflowStep> steps;
    private Map<String, String> input;
    /** The step (or, while compensating, the step whose compensation) executing now; null between steps. */
    private Integer activeStep;
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
        send(new StartStepCommand(runId, 0), stepName(0));
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepStarted event) {
        int index = event.stepIndex();
        WorkflowStep step = steps.get(index);
        journal().started(step.name());
        activeStep = index;
        compensating = false;
        Duration timeout = timeoutOf(step);
        if (step.type() != StepType.DELAY || step.timeoutSeconds() != null) {
            timeoutDeadlineId = deadlineManager.schedule(timeout, STEP_TIMEOUT, new StepDeadline(index, false));
        }
        execute(index, step.type(), step.parameters(), timeout);
    }

    @SagaEventHandler(associationProperty = "runId")
    public void on(StepSucceeded event) {
        journal().succeeded(event.stepName());
        int next = event.stepIndex() + 1;
        if (next < steps.size()) {
            send(new StartStepCommand(runId, next), stepName(next));
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
        // Nothing to undo: the aggregate reports the run compensated at once, which ends the saga.
        if (!pendingCompensations.isEmpty()) {
            compensateNext();
        }
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

    /** Executes a step or a compensation: DELAY by a deadline, every other type right here. */
    private void execute(int index, StepType type, Map<String, String> parameters, Duration timeout) {
        Map<String, String> rendered = ParameterTemplates.render(parameters, input, runId.toString());
        if (type == StepType.DELAY) {
            Duration delay = Duration.ofSeconds(Long.parseLong(rendered.get("seconds").strip()));
            delayDeadlineId = deadlineManager.schedule(delay, DELAY_ELAPSED, new StepDeadline(index, compensating));
            return;
        }
        StepContext context = new StepContext(tenantId, workspaceId, runId, index, steps.get(index).name(),
                compensating, rendered, timeout);
        finish(index, executors.execute(type, context));
    }

    /** The execution of step {@code index} ended: stop its deadlines and tell the run aggregate. */
    private void finish(int index, StepOutcome outcome) {
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
        try {
            commandGateway.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!refusal(e)) {
                throw e;
            }
            Throwable refusal = refusalCause(e);
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
            SagaLifecycle.end();
        }
    }

    private static boolean refusal(Throwable failure) {
        return refusalCause(failure) != null;
    }

    private static Throwable refusalCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A ConcurrencyException is not a refusal: the run changed meanwhile, and a retry of the event succeeds.
            if (cause instanceof DomainException || cause instanceof AggregateStreamCreationException) {
                return cause;
            }
        }
        return null;
    }

    private Duration timeoutOf(WorkflowStep step) {
        return step.timeoutSeconds() == null ? executors.defaultTimeout() : Duration.ofSeconds(step.timeoutSeconds());
    }

    private String stepName(int index) {
        return steps.get(index).name();
    }

    private SagaJournal.Of journal() {
        return journal.of(SAGA_TYPE, runId, tenantId);
    }
}
