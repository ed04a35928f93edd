package io.baseplane.kernel.airtable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies one workspace's link to one Airtable base. Serialises as its UUID string. */
public record AirtableSyncId(UUID value) {

    public AirtableSyncId {
        Ids.requireNonNull("syncId", value);
    }

    public static AirtableSyncId random() {
        return new AirtableSyncId(UUID.randomUUID());
    }

    @JsonCreator
    public static AirtableSyncId of(String raw) {
        return new AirtableSyncId(Ids.parseUuid("syncId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
