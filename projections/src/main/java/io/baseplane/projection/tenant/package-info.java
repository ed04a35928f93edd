/**
 * The tenant view (table {@code tenant_view}): plan, standing and workspace usage of each tenant, kept by
 * the {@code tenant-view} processing group from the tenant's own events.
 */
package io.baseplane.projection.tenant;
