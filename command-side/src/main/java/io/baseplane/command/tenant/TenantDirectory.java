package io.baseplane.command.tenant;

import io.baseplane.kernel.tenant.TenantId;
import java.util.Optional;

/**
 * The command side's own lookup of every tenant's plan and status. A Workspace cannot load the Tenant
 * aggregate while it decides, so it asks this directory, which is kept in step with the Tenant's events
 * in the same transaction as they are stored (never a projection, which may lag).
 */
public interface TenantDirectory {

    Optional<TenantStanding> find(TenantId tenantId);
}
