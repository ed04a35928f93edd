package io.baseplane.command.workflow;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.Ids;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.DisableWorkflowCommand;
import io.baseplane.kernel.workflow.EnableWorkflowCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.UpdateWorkflowDefinitionCommand;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import io.baseplane.command.workspace.OpenWorkspaces;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A workflow definition in a workspace: trigger and ordered steps; while enabled it accepts run requests. */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Workflow {

    static final String RESOURCE = "workflow";

    @AggregateIdentifier
    private WorkflowId workflowId;
    private TenantId tenantId;
    private WorkspaceId workspaceId;
    private String name;
    private Trigger trigger;
    private List<WorkflowStep> steps;
    private boolean enabled;

    protected Workflow() {
        // for Axon and Jackson
    }

    @CommandHandler
    public Workflow(DefineWorkflowCommand command, MetaData metaData, OpenWorkspaces openWorkspaces) {
        Ids.requireNonNull("tenantId", command.tenantId());
        Caller.from(metaData).requireAccessTo(command.tenantId(), RESOURCE, command.workflowId());
        Ids.requireNonNull("workspaceId", command.workspaceId());
        openWorkspaces.requireOpen(command.tenantId(), command.workspaceId());
        apply(new WorkflowDefined(command.workflowId(), command.workspaceId(), command.tenantId(),
                WorkflowValidator.name(command.name()), WorkflowValidator.trigger(command.trigger()),
                WorkflowValidator.steps(command.steps())));
    }

    @CommandHandler
    public void handle(UpdateWorkflowDefinitionCommand command, MetaData metaData) {
        authorize(metaData);
        String newName = WorkflowValidator.name(command.name());
        Trigger newTrigger = WorkflowValidator.trigger(command.trigger());
        List<WorkflowStep> newSteps = WorkflowValidator.steps(command.steps());
        if (newName.equals(name) && newTrigger.equals(trigger) && newSteps.equals(steps)) {
            return;
        }
        apply(new WorkflowDefinitionUpdated(workflowId, workspaceId, tenantId, newName, newTrigger, newSteps));
    }

    @CommandHandler
    public void handle(EnableWorkflowCommand command, MetaData metaData) {
        authorize(metaData);
        if (!enabled) {
            apply(new WorkflowEnabled(workflowId, workspaceId, tenantId));
        }
    }

    @CommandHandler
    public void handle(DisableWorkflowCommand command, MetaData metaData) {
        authorize(metaData);
        if (enabled) {
            apply(new WorkflowDisabled(workflowId, workspaceId, tenantId));
        }
    }

    @CommandHandler
    public void handle(RequestWorkflowRunCommand command, MetaData metaData, OpenWorkspaces openWorkspaces) {
        authorize(metaData);
        Ids.requireNonNull("runId", command.runId());
        Map<String, String> input = ParameterMaps.bounded("input", command.input(), ParameterMaps.MAX_DATA_ENTRIES);
        if (!enabled) {
            throw new RuleViolationException("workflow.disabled",
                    "Workflow " + workflowId + " is disabled; enable it before requesting a run");
        }
        openWorkspaces.requireOpen(tenantId, workspaceId);
        apply(new WorkflowRunRequested(workflowId, command.runId(), tenantId, workspaceId, steps, input));
    }

    @EventSourcingHandler
    void on(WorkflowDefined event) {
        workflowId = event.workflowId();
        tenantId = event.tenantId();
        workspaceId = event.workspaceId();
        name = event.name();
        trigger = event.trigger();
        steps = event.steps();
        enabled = true;
    }

    @EventSourcingHandler
    void on(WorkflowDefinitionUpdated event) {
        name = event.name();
        trigger = event.trigger();
        steps = event.steps();
    }

    @EventSourcingHandler
    void on(WorkflowEnabled event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(WorkflowDisabled event) {
        enabled = false;
    }

    private void authorize(MetaData metaData) {
        Caller.from(metaData).requireAccessTo(tenantId, RESOURCE, workflowId);
    }
}
