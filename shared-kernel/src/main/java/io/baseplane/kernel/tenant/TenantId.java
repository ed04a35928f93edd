package io.baseplane.kernel.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.baseplane.kernel.common.Ids;
import java.util.UUID;

/** Identifies a tenant, the organisation that owns workspaces. Serialises as its UUID string. */
public record TenantId(UUID value) {

    public TenantId {
        Ids.requireNonNull("tenantId", value);
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @JsonCreator
    public static TenantId of(String raw) {
        return new TenantId(Ids.parseUuid("tenantId", raw));
    }

    /** Axon uses this as the aggregate identifier in the event store and for routing. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
