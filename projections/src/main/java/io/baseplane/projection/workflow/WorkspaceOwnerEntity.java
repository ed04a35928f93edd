package io.baseplane.projection.workflow;

import io.baseplane.projection.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of {@code workflow_view_workspace}: a workspace and its tenant, as the workflow view knows them. */
@Entity
@Table(name = "workflow_view_workspace")
public class WorkspaceOwnerEntity extends VersionedRow {

    @Id
    @Column(name = "workspace_id")
    private UUID workspaceId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "discarded", nullable = false)
    private boolean discarded;

    protected WorkspaceOwnerEntity() {
        // for JPA
    }

    static WorkspaceOwnerEntity created(UUID workspaceId, UUID tenantId, long sequence) {
        WorkspaceOwnerEntity workspace = new WorkspaceOwnerEntity();
        workspace.workspaceId = workspaceId;
        workspace.tenantId = tenantId;
        workspace.advanceTo(sequence);
        workspace.markFresh();
        return workspace;
    }

    void discarded(long sequence) {
        if (isBehind(sequence)) {
            discarded = true;
            advanceTo(sequence);
        }
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** A workspace whose provisioning failed and was discarded counts as never having existed. */
    public boolean exists() {
        return !discarded;
    }

    @Override
    public UUID getId() {
        return workspaceId;
    }
}
