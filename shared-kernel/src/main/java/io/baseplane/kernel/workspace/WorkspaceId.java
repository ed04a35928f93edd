package io.baseplane.kernel.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies a workspace within a tenant. Serialises as its UUID string. */
public record WorkspaceId(UUID value) {

    public WorkspaceId {
        Ids.requireNonNull("workspaceId", value);
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @JsonCreator
    public static WorkspaceId of(String raw) {
        return new WorkspaceId(Ids.parseUuid("workspaceId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
