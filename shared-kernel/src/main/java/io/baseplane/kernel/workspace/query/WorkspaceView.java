package io.baseplane.kernel.workspace.query;

import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import java.time.Instant;
import java.util.List;

/**
 * A workspace with all its members (longest-standing first).
 *
 * @param createdAt    when the workspace was created
 * @param lastActiveAt when the workspace's last event happened
 * @param version      sequence number of the workspace's last event reflected here
 */
public record WorkspaceView(WorkspaceId id, TenantId tenantId, String name, String description,
                            WorkspaceStatus status, int memberCount, List<MemberView> members, Instant createdAt,
                            Instant lastActiveAt, long version) implements Versioned {

    public WorkspaceView {
        members = List.copyOf(members);
    }
}
