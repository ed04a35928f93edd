package io.baseplane.projection.workspace;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import io.baseplane.kernel.workspace.query.WorkspaceSummary;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import io.baseplane.projection.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code workspace_view}; {@code version} is the sequence number of the workspace's last event
 * applied, {@code lastActiveAt} its time. Members are rows of their own ({@link WorkspaceMemberEntity}).
 */
@Entity
@Table(name = "workspace_view")
public class WorkspaceViewEntity extends VersionedRow {

    @Id
    @Column(name = "workspace_id")
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private WorkspaceStatus status;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_active_at", nullable = false)
    private Instant lastActiveAt;

    protected WorkspaceViewEntity() {
    }

    static WorkspaceViewEntity created(WorkspaceId id, TenantId tenantId, String name, String description,
                                       long version, Instant at) {
        WorkspaceViewEntity row = new WorkspaceViewEntity();
        row.id = id.value();
        row.tenantId = tenantId.value();
        row.name = name;
        row.description = description == null ? "" : description;
        row.status = WorkspaceStatus.ACTIVE;
        row.memberCount = 0;
        row.createdAt = at;
        row.lastActiveAt = at;
        row.advanceTo(version);
        row.markFresh();
        return row;
    }

    void rename(String newName) {
        name = newName;
    }

    void describe(String newDescription) {
        description = newDescription == null ? "" : newDescription;
    }

    void changeStatus(WorkspaceStatus newStatus) {
        status = newStatus;
    }

    void countMembers(int delta) {
        memberCount = Math.max(0, memberCount + delta);
    }

    void noMembers() {
        memberCount = 0;
    }

    void applied(long sequenceNumber, Instant at) {
        advanceTo(sequenceNumber);
        lastActiveAt = at;
    }

    public boolean isDiscarded() {
        return status == WorkspaceStatus.DISCARDED;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public WorkspaceId workspaceId() {
        return new WorkspaceId(id);
    }

    /** The full view, with the members in their stable order (since, then user id). */
    public WorkspaceView toView(List<WorkspaceMemberEntity> members) {
        return new WorkspaceView(new WorkspaceId(id), new TenantId(tenantId), name, description, status,
                memberCount, members.stream().map(WorkspaceMemberEntity::toView).toList(), createdAt,
                lastActiveAt, version());
    }

    public WorkspaceSummary toSummary() {
        return new WorkspaceSummary(new WorkspaceId(id), new TenantId(tenantId), name, description, status,
                memberCount, createdAt, lastActiveAt, version());
    }

    @Override
    public UUID getId() {
        return id;
    }
}
