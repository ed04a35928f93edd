package io.baseplane.kernel.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies a workflow definition. Serialises as its UUID string. */
public record WorkflowId(UUID value) {

    public WorkflowId {
        Ids.requireNonNull("workflowId", value);
    }

    public static WorkflowId random() {
        return new WorkflowId(UUID.randomUUID());
    }

    @JsonCreator
    public static WorkflowId of(String raw) {
        return new WorkflowId(Ids.parseUuid("workflowId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
