package io.baseplane.command.workflow;

import io.baseplane.command.testing.Callers;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;

/**
 * A four-step order workflow: 0 reserve (HTTP, compensated by a cancel call), 1 wait (DELAY, nothing to
 * undo), 2 upsert (compensated by voiding the record), 3 notify (nothing to undo).
 */
final class Samples {

    static final TenantId TENANT = TenantId.of("6f1c1a52-3c57-4d7c-9a55-2a1f4d0e8b01");
    static final WorkspaceId WORKSPACE = WorkspaceId.of("0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11");
    static final WorkflowId WORKFLOW = WorkflowId.of("7a3c9e51-2b4d-4f6a-8c0e-1d3f5b7a9c61");
    static final WorkflowRunId RUN = WorkflowRunId.of("2c4e6a81-3d5f-4b7c-9e1a-5f7b9d1c3e71");

    static final Map<String, Object> AS_MEMBER = Callers.adminOf(TENANT, "alice");
    static final Map<String, Object> AS_OTHER_TENANT = Callers.adminOfAnotherTenant();
    static final Map<String, Object> AS_SYSTEM = Map.of();

    static final WorkflowStep RESERVE = new WorkflowStep("Reserve stock", StepType.HTTP_CALL,
            Map.of("url", "https://shop.example.com/reservations", "method", "POST"), 30,
            new CompensationStep(StepType.HTTP_CALL, Map.of("url", "https://shop.example.com/reservations/cancel", "method", "POST")));
    static final WorkflowStep WAIT = new WorkflowStep("Wait a minute", StepType.DELAY, Map.of("seconds", "60"), null, null);
    static final WorkflowStep UPSERT = new WorkflowStep("Record order", StepType.UPSERT_RECORD,
            Map.of("table", "Orders", "record", "{\"order\":\"{{input.order}}\"}"), null,
            new CompensationStep(StepType.UPSERT_RECORD, Map.of("table", "Orders", "record", "{\"status\":\"void\"}")));
    static final WorkflowStep NOTIFY = new WorkflowStep("Tell the team", StepType.NOTIFY,
            Map.of("recipient", "ops@example.com", "message", "Order {{input.order}} placed"), null, null);
    static final List<WorkflowStep> STEPS = List.of(RESERVE, WAIT, UPSERT, NOTIFY);
    static final Trigger NIGHTLY = Trigger.schedule("0 0 2 * * *");
    static final Map<String, String> INPUT = Map.of("order", "A-1001");

    private Samples() {
    }

    static WorkflowDefined defined() {
        return new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", NIGHTLY, STEPS);
    }

    static WorkflowRunStarted runStarted() {
        return new WorkflowRunStarted(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT);
    }

    /** {@code step} with other parameters. */
    static WorkflowStep withParameters(WorkflowStep step, Map<String, String> parameters) {
        return new WorkflowStep(step.name(), step.type(), parameters, step.timeoutSeconds(), step.compensation());
    }
}
