package io.baseplane.kernel.common;

/** Keys of the message metadata every command and event carries. */
public final class MetaDataKeys {

    /** Subject of the JWT that started the work. */
    public static final String USER_ID = "userId";
    /** Tenant of the caller; absent for platform operators acting across tenants. */
    public static final String TENANT_ID = "tenantId";
    /** Comma-separated platform roles of the caller; on commands only, never copied to events. */
    public static final String ROLES = "roles";
    /** Identifier of the first message of a chain, shared by everything it caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** Identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetaDataKeys() {
    }
}
