package io.baseplane.projection.tenant;

import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantStatus;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.projection.ReadModelGroups;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tenant_view} from the tenant's events. Idempotent: each row remembers the sequence number of
 * the last event applied, and an event with a sequence number not above it (a repeat, or an older one) is
 * ignored, so handling an event twice leaves the same row.
 */
@Component
@ProcessingGroup(ReadModelGroups.TENANT_VIEW)
public class TenantViewProjector {

    private final TenantViewRepository tenants;

    TenantViewProjector(TenantViewRepository tenants) {
        this.tenants = tenants;
    }

    @EventHandler
    public void on(TenantCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (tenants.findById(event.tenantId().value()).isEmpty()) {
            // Tenants from before onboarding existed carry no owner and were active from the start.
            TenantStatus initial = event.owner() == null ? TenantStatus.ACTIVE : TenantStatus.ONBOARDING;
            tenants.save(TenantViewEntity.created(event.tenantId(), event.name(), event.plan(), initial,
                    sequenceNumber, at));
        }
    }

    @EventHandler
    public void on(TenantPlanChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        Plan plan = event.plan();
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.changePlan(plan));
    }

    @EventHandler
    public void on(TenantSuspended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.changeStatus(TenantStatus.SUSPENDED));
    }

    @EventHandler
    public void on(TenantReactivated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.changeStatus(TenantStatus.ACTIVE));
    }

    @EventHandler
    public void on(TenantOnboardingCompleted event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.endOnboarding(TenantStatus.ACTIVE));
    }

    @EventHandler
    public void on(TenantOnboardingFailed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.endOnboarding(TenantStatus.ONBOARDING_FAILED));
    }

    @EventHandler
    public void on(WorkspaceSlotReserved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.countWorkspaces(+1));
    }

    @EventHandler
    public void on(WorkspaceSlotReleased event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        apply(event.tenantId(), sequenceNumber, at, tenant -> tenant.countWorkspaces(-1));
    }

    /** A replay starts from an empty view. */
    @ResetHandler
    public void reset() {
        tenants.deleteAllInBatch();
    }

    private void apply(TenantId tenantId, long sequenceNumber, Instant at, Consumer<TenantViewEntity> change) {
        tenants.findById(tenantId.value())
                .filter(tenant -> tenant.isBehind(sequenceNumber))
                .ifPresent(tenant -> {
                    change.accept(tenant);
                    tenant.applied(sequenceNumber, at);
                });
    }
}
