package io.baseplane.app.security.apikey;

import io.baseplane.kernel.common.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key as stored: everything but its secret, which only its hash stands for. */
record StoredApiKey(UUID keyId, UUID tenantId, String name, List<Role> roles, byte[] keyHash, String createdBy,
                    Instant createdAt, Instant revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }
}
