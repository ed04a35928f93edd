package io.baseplane.command.tenant.lookup;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantStatus;
import io.baseplane.kernel.tenant.TenantSuspended;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tenant_directory} in step with the Tenant aggregate. Its processing group is a subscribing
 * processor that propagates errors, so these writes commit or roll back together with the events.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class TenantDirectoryUpdater {

    private final JdbcTemplate jdbc;

    public TenantDirectoryUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenantCreated event) {
        // An upsert, so a re-delivered creation leaves the row as the event says rather than failing.
        jdbc.update("""
                INSERT INTO tenant_directory (tenant_id, plan, status) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status
                """, event.tenantId().value(), event.plan().name(),
                (event.owner() == null ? TenantStatus.ACTIVE : TenantStatus.ONBOARDING).name());
    }

    @EventHandler
    void on(TenantOnboardingCompleted event) {
        endOnboarding(event.tenantId().value(), TenantStatus.ACTIVE);
    }

    @EventHandler
    void on(TenantOnboardingFailed event) {
        endOnboarding(event.tenantId().value(), TenantStatus.ONBOARDING_FAILED);
    }

    /** A tenant suspended while onboarding stays suspended; the aggregate decides the same way. */
    private void endOnboarding(UUID tenantId, TenantStatus outcome) {
        jdbc.update("UPDATE tenant_directory SET status = ? WHERE tenant_id = ? AND status = ?",
                outcome.name(), tenantId, TenantStatus.ONBOARDING.name());
    }

    @EventHandler
    void on(TenantPlanChanged event) {
        jdbc.update("UPDATE tenant_directory SET plan = ? WHERE tenant_id = ?",
                event.plan().name(), event.tenantId().value());
    }

    @EventHandler
    void on(TenantSuspended event) {
        setStatus(event.tenantId().value(), TenantStatus.SUSPENDED);
    }

    @EventHandler
    void on(TenantReactivated event) {
        setStatus(event.tenantId().value(), TenantStatus.ACTIVE);
    }

    private void setStatus(UUID tenantId, TenantStatus status) {
        jdbc.update("UPDATE tenant_directory SET status = ? WHERE tenant_id = ?", status.name(), tenantId);
    }
}
