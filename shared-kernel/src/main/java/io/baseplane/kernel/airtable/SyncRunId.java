package io.baseplane.kernel.airtable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies one run of an Airtable synchronisation. Serialises as its UUID string. */
public record SyncRunId(UUID value) {

    public SyncRunId {
        Ids.requireNonNull("runId", value);
    }

    public static SyncRunId random() {
        return new SyncRunId(UUID.randomUUID());
    }

    @JsonCreator
    public static SyncRunId of(String raw) {
        return new SyncRunId(Ids.parseUuid("runId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
