package io.baseplane.command.tenant.lookup;

import io.baseplane.command.tenant.TenantDirectory;
import io.baseplane.command.tenant.TenantStanding;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantStatus;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code tenant_directory}, which {@link TenantDirectoryUpdater} keeps. */
@Component
public class JdbcTenantDirectory implements TenantDirectory {

    private final JdbcTemplate jdbc;

    public JdbcTenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TenantStanding> find(TenantId tenantId) {
        return jdbc.query("SELECT plan, status FROM tenant_directory WHERE tenant_id = ?",
                        (row, n) -> new TenantStanding(Plan.valueOf(row.getString("plan")),
                                TenantStatus.valueOf(row.getString("status"))),
                        tenantId.value())
                .stream()
                .findFirst();
    }
}
