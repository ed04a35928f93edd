package io.baseplane.app.security.apikey;

import io.baseplane.kernel.common.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code api_key}, with plain SQL. Every read and change names the tenant, so no key leaks across tenants. */
@Component
class ApiKeyStore {

    private static final String COLUMNS =
            "key_id, tenant_id, name, roles, key_hash, created_by, created_at, revoked_at";

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(StoredApiKey key) {
        jdbc.update("insert into api_key (key_id, tenant_id, name, roles, key_hash, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                key.keyId(), key.tenantId(), key.name(),
                key.roles().stream().map(Role::name).collect(Collectors.joining(",")),
                key.keyHash(), key.createdBy(), Timestamp.from(key.createdAt()));
    }

    Optional<StoredApiKey> find(UUID keyId) {
        return jdbc.query("select " + COLUMNS + " from api_key where key_id = ?", ApiKeyStore::row, keyId)
                .stream().findFirst();
    }

    List<StoredApiKey> of(UUID tenantId) {
        return jdbc.query("select " + COLUMNS + " from api_key where tenant_id = ? order by created_at, key_id",
                ApiKeyStore::row, tenantId);
    }

    /** True if the tenant's key was live and is now revoked; revoking twice changes nothing. */
    boolean revoke(UUID tenantId, UUID keyId, String revokedBy, Instant at) {
        return jdbc.update("update api_key set revoked_by = ?, revoked_at = ? "
                + "where tenant_id = ? and key_id = ? and revoked_at is null",
                revokedBy, Timestamp.from(at), tenantId, keyId) == 1;
    }

    boolean exists(UUID tenantId, UUID keyId) {
        return !jdbc.queryForList("select 1 from api_key where tenant_id = ? and key_id = ?", Integer.class,
                tenantId, keyId).isEmpty();
    }

    private static StoredApiKey row(ResultSet row, int n) throws SQLException {
        Timestamp revoked = row.getTimestamp("revoked_at");
        return new StoredApiKey(row.getObject("key_id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getString("name"),
                Arrays.stream(row.getString("roles").split(",")).map(Role::valueOf).toList(),
                row.getBytes("key_hash"), row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
