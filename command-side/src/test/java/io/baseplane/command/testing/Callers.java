package io.baseplane.command.testing;

import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.tenant.TenantId;
import java.util.Map;

/** Command metadata as the REST adapters and sagas send it. */
public final class Callers {

    private Callers() {
    }

    /**
     * A user of the given tenant without stated roles, as a saga continues a chain that user began; not
     * limited by workspace roles.
     */
    public static Map<String, Object> userOf(TenantId tenantId, String userId) {
        return Map.of(MetaDataKeys.TENANT_ID, tenantId.toString(), MetaDataKeys.USER_ID, userId);
    }

    /** A plain tenant member's request: it acts in a workspace only through its role there. */
    public static Map<String, Object> memberOf(TenantId tenantId, String userId) {
        return Map.of(MetaDataKeys.TENANT_ID, tenantId.toString(), MetaDataKeys.USER_ID, userId,
                MetaDataKeys.ROLES, "MEMBER");
    }

    /** A tenant admin, with the roles a token carries. */
    public static Map<String, Object> adminOf(TenantId tenantId, String userId) {
        return Map.of(MetaDataKeys.TENANT_ID, tenantId.toString(), MetaDataKeys.USER_ID, userId,
                MetaDataKeys.ROLES, "TENANT_ADMIN");
    }

    /** An admin of a tenant that owns none of the fixtures' aggregates. */
    public static Map<String, Object> adminOfAnotherTenant() {
        return adminOf(TenantId.of("c3b1e7d2-5a4f-4e8b-9c6d-7f0a1b2c3d51"), "mallory");
    }

    /** A saga or operator: no tenant, so not confined to one. */
    public static Map<String, Object> system() {
        return Map.of(MetaDataKeys.USER_ID, "system");
    }
}
