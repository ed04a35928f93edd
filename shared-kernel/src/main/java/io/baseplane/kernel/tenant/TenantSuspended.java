package io.baseplane.kernel.tenant;

import org.axonframework.serialization.Revision;

/** The tenant accepts no new work. */
@Revision("1")
public record TenantSuspended(TenantId tenantId, String reason) {
}
