package io.baseplane.saga.tenant;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The workspace every tenant starts with. */
final class DefaultWorkspace {

    static final String NAME = "General";
    static final String DESCRIPTION = "Created with the tenant";

    private DefaultWorkspace() {
    }

    /**
     * Derived from the tenant, so a redelivered TenantCreated reserves the same workspace (refused as
     * already reserved) instead of a second one.
     */
    static WorkspaceId idOf(TenantId tenantId) {
        return new WorkspaceId(UUID.nameUUIDFromBytes(("default-workspace:" + tenantId).getBytes(StandardCharsets.UTF_8)));
    }
}
