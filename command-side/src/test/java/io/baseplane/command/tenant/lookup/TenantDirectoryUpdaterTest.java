package io.baseplane.command.tenant.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.command.testing.RecordingJdbcTemplate;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantSuspended;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directory a Workspace consults for its tenant's plan and status. */
class TenantDirectoryUpdaterTest {

    private final TenantId tenantId = TenantId.random();
    private final RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
    private final TenantDirectoryUpdater updater = new TenantDirectoryUpdater(jdbc);

    @Test
    void listsANewTenantAsActiveOnItsPlan() {
        updater.on(new TenantCreated(tenantId, "Acme", Plan.FREE));

        assertThat(jdbc.statements).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).contains("INSERT INTO tenant_directory");
            assertThat(statement.args()).containsExactly(tenantId.value(), "FREE", "ACTIVE");
        });
    }

    @Test
    void followsPlanChanges() {
        updater.on(new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM));

        assertThat(jdbc.statements).singleElement()
                .satisfies(statement -> assertThat(statement.args()).containsExactly("TEAM", tenantId.value()));
    }

    @Test
    void followsSuspensionAndReactivation() {
        updater.on(new TenantSuspended(tenantId, "unpaid"));
        updater.on(new TenantReactivated(tenantId, "paid"));

        assertThat(jdbc.statements).extracting(RecordingJdbcTemplate.Statement::args).containsExactly(
                List.of("SUSPENDED", tenantId.value()),
                List.of("ACTIVE", tenantId.value()));
    }
}
