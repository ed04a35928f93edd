package io.baseplane.command.workflow;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStarted;
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
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowRunStatus;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One execution of a workflow. Steps run strictly in order; when one fails for good, the succeeded steps
 * that define a compensation are undone in reverse order and the run ends COMPENSATED or
 * COMPENSATION_FAILED; with none to undo it ends FAILED. Runs that ended refuse everything.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class WorkflowRun {

    static final String RESOURCE = "workflow-run";

    @AggregateIdentifier
    private WorkflowRunId runId;
    private WorkflowId workflowId;
    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private List<WorkflowStep> steps;
    private WorkflowRunStatus status;
    /** Index of the step executing now, or null. */
    private Integer runningStep;
    /** Steps 0 .. succeededSteps-1 succeeded. */
    private int succeededSteps;
    /** While compensating: the steps still to undo, next first. */
    private List<Integer> pendingCompensations = new ArrayList<>();
    /** FAILED is where a run ends only when nothing was to be undone; otherwise it is on its way to COMPENSATING. */
    private boolean ended;

    protected WorkflowRun() {
        // for Axon and Jackson
    }

    /**
     * Creates the run, or refuses when it exists: a run requested twice (a redelivered trigger, a saga
     * catching up) must not start again. Deciding on the loaded aggregate makes that an ordinary refusal
     * the sender sees at once, instead of a duplicate key when its transaction commits.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartWorkflowRunCommand command, MetaData metaData) {
        if (runId != null) {
            Caller.from(metaData).requireAccessTo(tenantId, RESOURCE, runId);
            throw new RuleViolationException("workflow-run.exists", "Run " + runId + " was started already");
        }
        Ids.requireNonNull("tenantId", command.tenantId());
        Caller.from(metaData).requireAccessTo(command.tenantId(), RESOURCE, command.runId());
        Ids.requireNonNull("workflowId", command.workflowId());
        Ids.requireNonNull("workspaceId", command.workspaceId());
        apply(new WorkflowRunStarted(command.runId(), command.workflowId(), command.tenantId(), command.workspaceId(),
                WorkflowValidator.steps(command.steps()),
                ParameterMaps.bounded("input", command.input(), ParameterMaps.MAX_DATA_ENTRIES)));
    }

    @CommandHandler
    public void handle(StartStepCommand command, MetaData metaData) {
        WorkflowStep step = runningRunStep(metaData, command.stepIndex());
        if (runningStep != null) {
            throw new RuleViolationException("workflow-run.step-running",
                    "Step " + runningStep + " of run " + runId + " is still running");
        }
        if (command.stepIndex() != succeededSteps) {
            throw new RuleViolationException("workflow-run.step-order",
                    "Step " + command.stepIndex() + " cannot start: step " + succeededSteps + " comes next");
        }
        apply(new StepStarted(runId, workflowId, tenantId, workspaceId, command.stepIndex(), step.name()));
    }

    @CommandHandler
    public void handle(MarkStepSucceededCommand command, MetaData metaData) {
        WorkflowStep step = runningRunStep(metaData, command.stepIndex());
        requireRunning(command.stepIndex());
        Map<String, String> output = ParameterMaps.bounded("output", command.output(), ParameterMaps.MAX_DATA_ENTRIES);
        apply(new StepSucceeded(runId, workflowId, tenantId, workspaceId, command.stepIndex(), step.name(), output));
    }

    @CommandHandler
    public void handle(MarkStepFailedCommand command, MetaData metaData) {
        WorkflowStep step = runningRunStep(metaData, command.stepIndex());
        requireRunning(command.stepIndex());
        String reason = WorkflowValidator.reason(command.reason());
        apply(new StepFailed(runId, workflowId, tenantId, workspaceId, command.stepIndex(), step.name(), reason));
    }

    @CommandHandler
    public void handle(CompleteWorkflowRunCommand command, MetaData metaData) {
        authorizeUnfinished(metaData);
        requireStatus(WorkflowRunStatus.RUNNING, "workflow-run.not-running");
        if (runningStep != null || succeededSteps < steps.size()) {
            throw new RuleViolationException("workflow-run.steps-pending",
                    "Run " + runId + " cannot complete: " + succeededSteps + " of " + steps.size() + " steps succeeded");
        }
        apply(new WorkflowRunCompleted(runId, workflowId, tenantId, workspaceId));
    }

    @CommandHandler
    public void handle(BeginCompensationCommand command, MetaData metaData) {
        authorizeUnfinished(metaData);
        if (status == WorkflowRunStatus.COMPENSATING) {
            throw new RuleViolationException("workflow-run.compensating", "Run " + runId + " is already compensating");
        }
        if (runningStep != null) {
            throw new RuleViolationException("workflow-run.step-running",
                    "Run " + runId + " cannot compensate while step " + runningStep + " is running");
        }
        String reason = WorkflowValidator.reason(command.reason());
        List<Integer> toUndo = new ArrayList<>();
        for (int i = succeededSteps - 1; i >= 0; i--) {
            if (steps.get(i).compensation() != null) {
                toUndo.add(i);
            }
        }
        if (toUndo.isEmpty()) {
            apply(new WorkflowRunFailed(runId, workflowId, tenantId, workspaceId, reason));
            return;
        }
        apply(new CompensationStarted(runId, workflowId, tenantId, workspaceId, reason, List.copyOf(toUndo)));
    }

    @CommandHandler
    public void handle(MarkStepCompensatedCommand command, MetaData metaData) {
        WorkflowStep step = compensatingStep(metaData, command.stepIndex());
        boolean last = pendingCompensations.size() == 1;
        apply(new StepCompensated(runId, workflowId, tenantId, workspaceId, command.stepIndex(), step.name()));
        if (last) {
            apply(new WorkflowRunCompensated(runId, workflowId, tenantId, workspaceId));
        }
    }

    @CommandHandler
    public void handle(MarkCompensationFailedCommand command, MetaData metaData) {
        WorkflowStep step = compensatingStep(metaData, command.stepIndex());
        String reason = WorkflowValidator.reason(command.reason());
        apply(new StepCompensationFailed(runId, workflowId, tenantId, workspaceId, command.stepIndex(), step.name(), reason));
    }

    @EventSourcingHandler
    void on(WorkflowRunStarted event) {
        runId = event.runId();
        workflowId = event.workflowId();
        tenantId = event.tenantId();
        workspaceId = event.workspaceId();
        steps = event.steps();
        status = WorkflowRunStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(StepStarted event) {
        runningStep = event.stepIndex();
    }

    @EventSourcingHandler
    void on(StepSucceeded event) {
        runningStep = null;
        succeededSteps = event.stepIndex() + 1;
    }

    @EventSourcingHandler
    void on(StepFailed event) {
        runningStep = null;
        status = WorkflowRunStatus.FAILED;
    }

    @EventSourcingHandler
    void on(WorkflowRunCompleted event) {
        status = WorkflowRunStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(CompensationStarted event) {
        status = WorkflowRunStatus.COMPENSATING;
        pendingCompensations = new ArrayList<>(event.stepsToCompensate());
    }

    @EventSourcingHandler
    void on(StepCompensated event) {
        pendingCompensations.remove(Integer.valueOf(event.stepIndex()));
    }

    @EventSourcingHandler
    void on(WorkflowRunCompensated event) {
        status = WorkflowRunStatus.COMPENSATED;
    }

    @EventSourcingHandler
    void on(WorkflowRunFailed event) {
        status = WorkflowRunStatus.FAILED;
        ended = true;
    }

    @EventSourcingHandler
    void on(StepCompensationFailed event) {
        status = WorkflowRunStatus.COMPENSATION_FAILED;
    }

    private void authorizeUnfinished(MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, RESOURCE, runId);
        if (ended || status.terminal()) {
            throw new RuleViolationException("workflow-run.finished",
                    "Run " + runId + " is already " + status + " and accepts no further changes");
        }
    }

    private void requireStatus(WorkflowRunStatus required, String rule) {
        if (status != required) {
            throw new RuleViolationException(rule, "Run " + runId + " is " + status + ", not " + required);
        }
    }

    /** Access, not finished, RUNNING, and the index names a step; returns that step. */
    private WorkflowStep runningRunStep(MetaData metaData, int stepIndex) {
        authorizeUnfinished(metaData);
        requireStatus(WorkflowRunStatus.RUNNING, "workflow-run.not-running");
        return stepAt(stepIndex);
    }

    /** Access, not finished, COMPENSATING, and the index names the step to undo next; returns that step. */
    private WorkflowStep compensatingStep(MetaData metaData, int stepIndex) {
        authorizeUnfinished(metaData);
        requireStatus(WorkflowRunStatus.COMPENSATING, "workflow-run.not-compensating");
        WorkflowStep step = stepAt(stepIndex);
        if (pendingCompensations.isEmpty() || pendingCompensations.get(0) != stepIndex) {
            throw new RuleViolationException("workflow-run.compensation-order",
                    pendingCompensations.contains(stepIndex)
                            ? "Step " + stepIndex + " cannot be compensated yet: step " + pendingCompensations.get(0) + " comes first"
                            : "Step " + stepIndex + " has nothing to compensate (it did not succeed, has no compensation or was compensated)");
        }
        return step;
    }

    private void requireRunning(int stepIndex) {
        if (runningStep == null || runningStep != stepIndex) {
            throw new RuleViolationException("workflow-run.step-not-running",
                    "Step " + stepIndex + " of run " + runId + " is not running"
                            + (runningStep == null ? "" : "; step " + runningStep + " is"));
        }
    }

    private WorkflowStep stepAt(int stepIndex) {
        if (stepIndex < 0 || stepIndex >= steps.size()) {
            throw new InvalidValueException("stepIndex", "must be between 0 and " + (steps.size() - 1));
        }
        return steps.get(stepIndex);
    }
}
