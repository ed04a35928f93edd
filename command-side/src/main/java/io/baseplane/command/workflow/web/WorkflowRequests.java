package io.baseplane.command.workflow.web;

import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowStep;
import java.util.List;
import java.util.Map;

/** Request bodies of the workflow endpoints. */
final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** {@code id} is optional: a client may choose the workflow's id (a retry then cannot define it twice). */
    record Define(String id, String name, Trigger trigger, List<WorkflowStep> steps) {
    }

    record Update(String name, Trigger trigger, List<WorkflowStep> steps) {
    }

    /**
     * {@code input} may be left out. Run ids are always the platform's: the execution saga is found by the
     * run id alone, so an id chosen twice (in another workflow or tenant) must never happen. A client retries
     * safely with {@code Idempotency-Key}.
     */
    record RequestRun(Map<String, String> input) {

        static RequestRun of(RequestRun request) {
            return request == null ? new RequestRun(Map.of()) : request;
        }
    }
}
