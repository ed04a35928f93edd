package io.baseplane.kernel.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies one execution of a workflow. Serialises as its UUID string. */
public record WorkflowRunId(UUID value) {

    public WorkflowRunId {
        Ids.requireNonNull("runId", value);
    }

    public static WorkflowRunId random() {
        return new WorkflowRunId(UUID.randomUUID());
    }

    @JsonCreator
    public static WorkflowRunId of(String raw) {
        return new WorkflowRunId(Ids.parseUuid("runId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
