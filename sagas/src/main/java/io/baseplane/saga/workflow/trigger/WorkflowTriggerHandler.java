package io.baseplane.saga.workflow.trigger;

import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.TriggerEvents;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Starts the workflows whose EVENT trigger names a platform event, in the workspace the event happened
 * in: a {@link RequestWorkflowRunCommand} per enabled workflow, with the event's facts as run input.
 *
 * <p>The run id is derived from the triggering event's id and the workflow's id, so handling the same
 * event twice requests the same run: the execution saga of that run ignores the repeat, and once the run
 * exists its aggregate refuses to be started again. The handler does not take part in replays (a reset
 * must not start old runs again), and its processor starts at the head of the event stream (app config).
 *
 * <p>A workflow disabled, or a workspace archived, between the lookup and the request is a refusal: it is
 * logged and the other workflows still start. Any other failure is thrown, so the event is retried.
 */
@Component
@ProcessingGroup(WorkflowTriggerHandler.PROCESSING_GROUP)
public class WorkflowTriggerHandler {

    public static final String PROCESSING_GROUP = "workflow-triggers";

    private final EventTriggeredWorkflows workflows;
    private final RunRequests runs;

    public WorkflowTriggerHandler(EventTriggeredWorkflows workflows, CommandGateway commandGateway) {
        this.workflows = workflows;
        this.runs = new RunRequests(commandGateway);
    }

    @EventHandler
    @DisallowReplay
    void on(SyncRunCompleted event, @MessageIdentifier String eventId) {
        trigger(TriggerEvents.AIRTABLE_SYNC_COMPLETED, event.tenantId(), event.workspaceId(), eventId,
                Map.of("syncId", event.syncId().toString(), "syncRunId", event.runId().toString(),
                        "totalRecords", Long.toString(event.totalRecords())));
    }

    @EventHandler
    @DisallowReplay
    void on(SyncRunFailed event, @MessageIdentifier String eventId) {
        trigger(TriggerEvents.AIRTABLE_SYNC_FAILED, event.tenantId(), event.workspaceId(), eventId,
                Map.of("syncId", event.syncId().toString(), "syncRunId", event.runId().toString(),
                        "reason", event.reason() == null ? "" : event.reason()));
    }

    /** The run a triggering event requests of a workflow: the same for the same event and workflow. */
    static WorkflowRunId runIdFor(String eventId, WorkflowId workflowId) {
        return new WorkflowRunId(UUID.nameUUIDFromBytes(
                ("workflow-trigger:" + eventId + ":" + workflowId).getBytes(StandardCharsets.UTF_8)));
    }

    private void trigger(String eventType, TenantId tenantId, WorkspaceId workspaceId, String eventId,
                         Map<String, String> input) {
        for (WorkflowId workflowId : workflows.enabledFor(tenantId, workspaceId, eventType)) {
            runs.request(workflowId, runIdFor(eventId, workflowId), tenantId, input,
                    "Event " + eventId + " (" + eventType + ")");
        }
    }
}
