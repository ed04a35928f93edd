package io.baseplane.kernel.tenant;

import org.axonframework.serialization.Revision;

/** The tenant accepts work again. */
@Revision("1")
public record TenantReactivated(TenantId tenantId, String reason) {
}
