package io.baseplane.saga.workflow.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/** Which workflows an event starts, with which run id, input and tenant. */
class WorkflowTriggerHandlerTest {

    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final WorkflowId FIRST = WorkflowId.random();
    private static final WorkflowId SECOND = WorkflowId.random();
    private static final AirtableSyncId SYNC = AirtableSyncId.random();
    private static final SyncRunId SYNC_RUN = SyncRunId.random();

    private final List<String> lookups = new ArrayList<>();
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final WorkflowTriggerHandler handler = new WorkflowTriggerHandler((tenant, workspace, eventType) -> {
        lookups.add(tenant + " " + workspace + " " + eventType);
        return List.of(FIRST, SECOND);
    }, DefaultCommandGateway.builder().commandBus(commandBus).build());

    @Test
    void aCompletedSyncRequestsARunOfEveryWorkflowThatWaitsForIt() {
        handler.on(new SyncRunCompleted(SYNC, SYNC_RUN, TENANT, WORKSPACE, 42), "event-1");

        assertThat(lookups).containsExactly(TENANT + " " + WORKSPACE + " airtable.sync.completed");
        Map<String, String> input = Map.of("syncId", SYNC.toString(), "syncRunId", SYNC_RUN.toString(), "totalRecords", "42");
        List<Object> payloads = commandBus.getDispatchedCommands().stream().map(c -> (Object) c.getPayload()).toList();
        assertThat(payloads).containsExactly(
                new RequestWorkflowRunCommand(FIRST, WorkflowTriggerHandler.runIdFor("event-1", FIRST), input),
                new RequestWorkflowRunCommand(SECOND, WorkflowTriggerHandler.runIdFor("event-1", SECOND), input));
        assertThat(commandBus.getDispatchedCommands()).allSatisfy(command ->
                assertThat(command.getMetaData()).containsEntry("tenantId", TENANT.toString()));
    }

    @Test
    void theSameEventAlwaysRequestsTheSameRunsAndAnotherEventOthers() {
        assertThat(WorkflowTriggerHandler.runIdFor("event-1", FIRST))
                .isEqualTo(WorkflowTriggerHandler.runIdFor("event-1", FIRST))
                .isNotEqualTo(WorkflowTriggerHandler.runIdFor("event-2", FIRST))
                .isNotEqualTo(WorkflowTriggerHandler.runIdFor("event-1", SECOND));
    }

    @Test
    void aFailedSyncStartsTheWorkflowsWaitingForThat() {
        handler.on(new SyncRunFailed(SYNC, SYNC_RUN, TENANT, WORKSPACE, "base gone"), "event-3");

        assertThat(lookups).containsExactly(TENANT + " " + WORKSPACE + " airtable.sync.failed");
        assertThat(commandBus.getDispatchedCommands()).hasSize(2);
    }

    @Test
    void aWorkflowThatRefusesDoesNotStopTheOthers() {
        commandBus.setCallbackBehavior((payload, metaData) -> {
            if (((RequestWorkflowRunCommand) payload).workflowId().equals(FIRST)) {
                throw new RuleViolationException("workflow.disabled", "disabled");
            }
            return null;
        });

        handler.on(new SyncRunCompleted(SYNC, SYNC_RUN, TENANT, WORKSPACE, 1), "event-4");

        assertThat(commandBus.getDispatchedCommands()).hasSize(2);
    }

    @Test
    void anyOtherFailureIsThrownSoTheEventIsRetried() {
        commandBus.setCallbackBehavior((payload, metaData) -> {
            throw new IllegalStateException("database down");
        });

        assertThatThrownBy(() -> handler.on(new SyncRunCompleted(SYNC, SYNC_RUN, TENANT, WORKSPACE, 1), "event-5"))
                .isInstanceOf(IllegalStateException.class);
    }
}
