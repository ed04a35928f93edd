package io.baseplane.kernel.tenant;

import org.axonframework.serialization.Revision;

/** A tenant exists, on the given plan. */
@Revision("1")
public record TenantCreated(TenantId tenantId, String name, Plan plan) {
}
