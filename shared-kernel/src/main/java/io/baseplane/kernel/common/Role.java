package io.baseplane.kernel.common;

/** Platform roles, carried in the {@code roles} claim of a token. */
public enum Role {
    PLATFORM_OPERATOR,
    AUDITOR,
    TENANT_ADMIN,
    MEMBER
}
