package io.baseplane.kernel.tenant.query;

import io.baseplane.kernel.common.Versioned;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantStatus;
import java.time.Instant;

/**
 * A tenant as its clients see it: plan, standing, and workspace usage against the plan's quota.
 *
 * @param workspaceCount          workspaces holding one of the plan's slots (being provisioned or created)
 * @param workspaceQuota          workspaces the plan allows; null when unlimited
 * @param memberLimitPerWorkspace members the plan allows in each workspace
 * @param createdAt               when the tenant was created
 * @param updatedAt               when the last event of the tenant happened
 * @param version                 sequence number of the tenant's last event reflected here
 */
public record TenantView(TenantId id, String name, Plan plan, TenantStatus status, int workspaceCount,
                         Integer workspaceQuota, int memberLimitPerWorkspace, Instant createdAt, Instant updatedAt,
                         long version) implements Versioned {

    /** The quota as clients see it: {@link Plan#maxWorkspaces()} of {@code Integer.MAX_VALUE} means none. */
    public static Integer quotaOf(Plan plan) {
        return plan.maxWorkspaces() == Integer.MAX_VALUE ? null : plan.maxWorkspaces();
    }
}
