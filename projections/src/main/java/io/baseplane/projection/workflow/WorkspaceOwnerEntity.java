package io.baseplane.projection.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** Row of {@code workflow_view_workspace}: a workspace and its tenant, as the workflow view knows them. */
@Entity
@Table(name = "workflow_view_workspace")
public class WorkspaceOwnerEntity implements Persistable<UUID> {

    @Id
    @Column(name = "workspace_id")
    private UUID workspaceId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "discarded", nullable = false)
    private boolean discarded;

    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private boolean fresh;

    protected WorkspaceOwnerEntity() {
        // for JPA
    }

    static WorkspaceOwnerEntity created(UUID workspaceId, UUID tenantId, long sequence) {
        WorkspaceOwnerEntity workspace = new WorkspaceOwnerEntity();
        workspace.workspaceId = workspaceId;
        workspace.tenantId = tenantId;
        workspace.version = sequence;
        workspace.fresh = true;
        return workspace;
    }

    void discarded(long sequence) {
        if (sequence > version) {
            discarded = true;
            version = sequence;
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

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
