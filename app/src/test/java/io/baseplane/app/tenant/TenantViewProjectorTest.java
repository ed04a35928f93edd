package io.baseplane.app.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.tenant.query.TenantView;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.projection.tenant.TenantViewProjector;
import io.baseplane.projection.tenant.TenantViewRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant projector, event by event: its handlers are called directly, with hand-made sequence numbers
 * and timestamps, in a transaction of the read models that is rolled back afterwards, and the rows are read
 * back with SQL.
 */
class TenantViewProjectorTest extends PlatformTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);

    @Autowired
    private TenantViewProjector projector;

    @Autowired
    private TenantViewRepository tenants;

    @Autowired
    @Qualifier(ReadModelGroups.TRANSACTION_MANAGER)
    private PlatformTransactionManager readModels;

    @PersistenceContext
    private EntityManager entityManager;

    private final TenantId tenantId = TenantId.random();

    @Test
    void tenantCreatedMakesAnActiveRowWithoutWorkspacesAtVersionZero() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);

            Map<String, Object> row = row();
            assertThat(row).containsEntry("name", "Acme").containsEntry("plan", "FREE")
                    .containsEntry("status", "ACTIVE").containsEntry("workspace_count", 0)
                    .containsEntry("version", 0L);
            assertThat(instant(row, "created_at")).isEqualTo(T0);
            assertThat(instant(row, "updated_at")).isEqualTo(T0);
        });
    }

    @Test
    void theViewShowsThePlansQuotasAndNoQuotaForEnterprise() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);
            TenantView free = view();
            assertThat(free.workspaceQuota()).isEqualTo(3);
            assertThat(free.memberLimitPerWorkspace()).isEqualTo(5);

            projector.on(new TenantPlanChanged(tenantId, Plan.FREE, Plan.ENTERPRISE), 1, T1);
            TenantView enterprise = view();
            assertThat(enterprise.plan()).isEqualTo(Plan.ENTERPRISE);
            assertThat(enterprise.workspaceQuota()).isNull();
            assertThat(enterprise.memberLimitPerWorkspace()).isEqualTo(1000);
            assertThat(enterprise.version()).isEqualTo(1);
        });
    }

    @Test
    void planChangedSetsThePlanTheVersionAndTheTime() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);
            projector.on(new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM), 1, T1);

            Map<String, Object> row = row();
            assertThat(row).containsEntry("plan", "TEAM").containsEntry("version", 1L);
            assertThat(instant(row, "created_at")).isEqualTo(T0);
            assertThat(instant(row, "updated_at")).isEqualTo(T1);
        });
    }

    @Test
    void suspendedAndReactivatedChangeTheStatus() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);

            projector.on(new TenantSuspended(tenantId, "unpaid"), 1, T1);
            assertThat(row()).containsEntry("status", "SUSPENDED").containsEntry("version", 1L);

            projector.on(new TenantReactivated(tenantId, "paid"), 2, T2);
            assertThat(row()).containsEntry("status", "ACTIVE").containsEntry("version", 2L);
            assertThat(instant(row(), "updated_at")).isEqualTo(T2);
        });
    }

    @Test
    void reservedSlotsCountAsWorkspacesAndReleasedOnesNoLonger() {
        WorkspaceId first = WorkspaceId.random();
        WorkspaceId second = WorkspaceId.random();
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);

            projector.on(new WorkspaceSlotReserved(tenantId, first, "One", "", UserId.of("olivia")), 1, T1);
            projector.on(new WorkspaceSlotReserved(tenantId, second, "Two", "", UserId.of("olivia")), 2, T2);
            assertThat(row()).containsEntry("workspace_count", 2).containsEntry("version", 2L);

            projector.on(new WorkspaceSlotReleased(tenantId, first, "create failed"), 3, T3);
            assertThat(row()).containsEntry("workspace_count", 1).containsEntry("version", 3L);
            assertThat(view().workspaceCount()).isEqualTo(1);
        });
    }

    @Test
    void theSameEventTwiceLeavesTheSameRow() {
        WorkspaceId workspace = WorkspaceId.random();
        inRolledBackTransaction(() -> {
            TenantCreated created = new TenantCreated(tenantId, "Acme", Plan.FREE);
            projector.on(created, 0, T0);
            Map<String, Object> afterCreated = row();
            projector.on(created, 0, T0);
            assertThat(row()).isEqualTo(afterCreated);

            WorkspaceSlotReserved reserved = new WorkspaceSlotReserved(tenantId, workspace, "One", "", UserId.of("o"));
            projector.on(reserved, 1, T1);
            Map<String, Object> afterReserved = row();
            projector.on(reserved, 1, T1);
            assertThat(row()).isEqualTo(afterReserved).containsEntry("workspace_count", 1);

            TenantPlanChanged changed = new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM);
            projector.on(changed, 2, T2);
            Map<String, Object> afterChanged = row();
            projector.on(changed, 2, T2);
            assertThat(row()).isEqualTo(afterChanged);
        });
    }

    @Test
    void anOlderEventAfterANewerOneIsIgnored() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);
            projector.on(new TenantSuspended(tenantId, "unpaid"), 2, T2);
            Map<String, Object> newest = row();

            projector.on(new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM), 1, T1);
            projector.on(new TenantCreated(tenantId, "Another name", Plan.ENTERPRISE), 0, T3);

            assertThat(row()).isEqualTo(newest).containsEntry("plan", "FREE").containsEntry("name", "Acme");
        });
    }

    @Test
    void eventsOfATenantWithoutRowChangeNothing() {
        inRolledBackTransaction(() -> {
            projector.on(new TenantSuspended(tenantId, "unpaid"), 1, T1);

            assertThat(rows()).isEmpty();
        });
    }

    @Test
    void theResetHandlerEmptiesTheView() {
        inRolledBackTransaction(() -> {
            // The running processors may be projecting other tests' events: their writes wait for this lock,
            // so no row they commit between the reset and the count is counted.
            jdbc.execute("lock table tenant_view in exclusive mode");
            projector.on(new TenantCreated(tenantId, "Acme", Plan.FREE), 0, T0);
            assertThat(rows()).hasSize(1);

            projector.reset();

            entityManager.flush();
            assertThat(jdbc.queryForObject("select count(*) from tenant_view", Long.class)).isZero();
        });
    }

    /** Runs in the read models' transaction, as the processor does, and leaves nothing behind. */
    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(readModels).executeWithoutResult(status -> {
            try {
                work.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private List<Map<String, Object>> rows() {
        entityManager.flush();
        return jdbc.queryForList("select * from tenant_view where tenant_id = ?", tenantId.value());
    }

    private Map<String, Object> row() {
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private TenantView view() {
        return tenants.findById(tenantId.value()).orElseThrow().toView();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
