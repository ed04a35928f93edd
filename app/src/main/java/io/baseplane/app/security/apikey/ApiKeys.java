package io.baseplane.app.security.apikey;

import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.kernel.common.Caller;
import io.baseplane.kernel.common.ForbiddenException;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.Role;
import io.baseplane.kernel.common.Text;
import io.baseplane.kernel.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issuing, listing and revoking a tenant's API keys. A key acts inside its tenant only, so it can carry
 * the tenant roles but never PLATFORM_OPERATOR; keys do not manage keys.
 */
@Service
class ApiKeys {

    static final int NAME_MAX = 100;
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.TENANT_ADMIN, Role.MEMBER, Role.AUDITOR);
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final ApiKeyStore store;
    private final TenantDirectory tenants;
    private final Clock clock = Clock.systemUTC();

    ApiKeys(ApiKeyStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /** The new key; its plain text exists only in this answer. */
    IssuedApiKey issue(Caller caller, boolean callerIsApiKey, TenantId tenantId, String name, List<Role> roles) {
        requireManager(caller, callerIsApiKey, tenantId);
        String validName = Text.requireName("name", name, NAME_MAX);
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw new InvalidValueException("roles", "must name at least one of " + GRANTABLE);
        }
        if (!GRANTABLE.containsAll(roles)) {
            throw new InvalidValueException("roles", "may only be " + GRANTABLE);
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        StoredApiKey key = new StoredApiKey(secret.keyId(), tenantId.value(), validName,
                List.copyOf(EnumSet.copyOf(roles)), secret.hash(), caller.userId(), now(), null);
        store.add(key);
        log.info("API key {} '{}' issued for tenant {} by {}", key.keyId(), validName, tenantId, caller.userId());
        return new IssuedApiKey(key, secret.plainText());
    }

    List<StoredApiKey> list(Caller caller, boolean callerIsApiKey, TenantId tenantId) {
        requireManager(caller, callerIsApiKey, tenantId);
        return store.of(tenantId.value());
    }

    void revoke(Caller caller, boolean callerIsApiKey, TenantId tenantId, UUID keyId) {
        requireManager(caller, callerIsApiKey, tenantId);
        if (!store.revoke(tenantId.value(), keyId, caller.userId(), now()) && !store.exists(tenantId.value(), keyId)) {
            throw new NotFoundException("api-key", keyId);
        }
        log.info("API key {} of tenant {} revoked by {}", keyId, tenantId, caller.userId());
    }

    private void requireManager(Caller caller, boolean callerIsApiKey, TenantId tenantId) {
        caller.requireAccessTo(tenantId, "tenant", tenantId);
        if (tenants.find(tenantId).isEmpty()) {
            throw new NotFoundException("tenant", tenantId);
        }
        if (callerIsApiKey) {
            throw new ForbiddenException("api-key.not-allowed", "API keys cannot manage API keys; use a token");
        }
    }

    private Instant now() {
        // Microseconds, as PostgreSQL stores them, so what is answered equals what is read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    record IssuedApiKey(StoredApiKey key, String plainText) {
    }
}
