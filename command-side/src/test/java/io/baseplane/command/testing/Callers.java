package io.baseplane.command.testing;

import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.tenant.TenantId;
import java.util.Map;

/** Command metadata as the REST adapters and sagas send it. */
public final class Callers {

    private Callers() {
    }

    /** A user of the given tenant, as a JWT-authenticated request carries it. */
    public static Map<String, Object> userOf(TenantId tenantId, String userId) {
        return Map.of(MetaDataKeys.TENANT_ID, tenantId.toString(), MetaDataKeys.USER_ID, userId);
    }

    /** A saga or operator: no tenant, so not confined to one. */
    public static Map<String, Object> system() {
        return Map.of(MetaDataKeys.USER_ID, "system");
    }
}
