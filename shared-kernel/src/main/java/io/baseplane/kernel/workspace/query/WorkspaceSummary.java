package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.time.Instant;

/** A workspace in a list: the {@link WorkspaceView} without its members (their number is here). */
public record WorkspaceSummary(WorkspaceId id, TenantId tenantId, String name, String description,
                               WorkspaceStatus status, int memberCount, Instant createdAt, Instant lastActiveAt,
                               long version) implements Versioned {
}
