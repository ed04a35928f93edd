package io.baseplane.projection.tenant;

import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantStatus;
import io.baseplane.kernel.tenant.query.TenantView;
import io.baseplane.projection.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code tenant_view}; {@code version} is the sequence number of the tenant's last event applied. */
@Entity
@Table(name = "tenant_view")
public class TenantViewEntity extends VersionedRow {

    @Id
    @Column(name = "tenant_id")
    private UUID id;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false)
    private Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TenantStatus status;

    @Column(name = "workspace_count", nullable = false)
    private int workspaceCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantViewEntity() {
    }

    static TenantViewEntity created(TenantId id, String name, Plan plan, TenantStatus status, long version,
                                    Instant at) {
        TenantViewEntity row = new TenantViewEntity();
        row.id = id.value();
        row.name = name;
        row.plan = plan;
        row.status = status;
        row.workspaceCount = 0;
        row.createdAt = at;
        row.updatedAt = at;
        row.advanceTo(version);
        row.markFresh();
        return row;
    }

    void changePlan(Plan newPlan) {
        plan = newPlan;
    }

    void changeStatus(TenantStatus newStatus) {
        status = newStatus;
    }

    /** As the aggregate decides: a tenant suspended while onboarding stays suspended. */
    void endOnboarding(TenantStatus outcome) {
        if (status == TenantStatus.ONBOARDING) {
            status = outcome;
        }
    }

    void countWorkspaces(int delta) {
        workspaceCount = Math.max(0, workspaceCount + delta);
    }

    void applied(long sequenceNumber, Instant at) {
        advanceTo(sequenceNumber);
        updatedAt = at;
    }

    public TenantView toView() {
        return new TenantView(new TenantId(id), name, plan, status, workspaceCount, TenantView.quotaOf(plan),
                plan.maxMembersPerWorkspace(), createdAt, updatedAt, version());
    }

    @Override
    public UUID getId() {
        return id;
    }
}
