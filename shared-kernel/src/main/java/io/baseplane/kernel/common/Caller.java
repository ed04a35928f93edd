package io.baseplane.kernel.common;

import io.baseplane.kernel.tenant.TenantId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a message, read from its metadata. Command handlers use it to enforce tenant isolation where
 * the data is, so a controller that forgets a check cannot leak or change another tenant's aggregate.
 *
 * <p>A message without a tenant is either an operator's or the system's own (a saga acting on an event
 * whose chain began with an operator); it is not confined to a tenant.
 */
public record Caller(String userId, Optional<TenantId> tenantId, Set<Role> roles, boolean fromRequest) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller from(Map<String, ?> metaData) {
        Object user = metaData.get(MetaDataKeys.USER_ID);
        Object tenant = metaData.get(MetaDataKeys.TENANT_ID);
        Object roles = metaData.get(MetaDataKeys.ROLES);
        return new Caller(
                user == null ? "system" : user.toString(),
                tenant == null || tenant.toString().isEmpty()
                        ? Optional.empty() : Optional.of(TenantId.of(tenant.toString())),
                parseRoles(roles == null ? "" : roles.toString()),
                // Requests always state their roles (possibly none); sagas continue a chain without them.
                roles != null);
    }

    /** Refuses, as "not found", any access to an aggregate of a tenant other than the caller's. */
    public void requireAccessTo(TenantId owner, String resource, Object id) {
        if (tenantId.isPresent() && !tenantId.get().equals(owner)) {
            throw new NotFoundException(resource, id);
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller acts in a workspace only as far as its role there allows: a request from a caller
     * who is neither a platform operator nor a tenant admin. Sagas continuing a chain that a permitted
     * request began are not limited.
     */
    public boolean limitedToWorkspaceRoles() {
        return fromRequest && !has(Role.PLATFORM_OPERATOR) && !has(Role.TENANT_ADMIN);
    }

    private static Set<Role> parseRoles(String raw) {
        return Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
