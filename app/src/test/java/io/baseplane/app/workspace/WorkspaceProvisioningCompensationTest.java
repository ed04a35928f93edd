package io.baseplane.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.HeldProcessor;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provisioning saga's compensation end to end, on the real saga store and event store: a step that
 * fails after the slot was reserved gives the slot back, and nothing of the workspace remains.
 */
class WorkspaceProvisioningCompensationTest extends PlatformTestBase {

    private static final String SAGA_PROCESSOR = "WorkspaceProvisioningSagaProcessor";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aTenantSuspendedBeforeTheWorkspaceIsCreatedGetsItsSlotBack() {
        String tenantId = createTenant("FREE");
        String workspaceId = UUID.randomUUID().toString();
        // Hold the saga so the tenant is suspended between the reservation and the creation.
        try (HeldProcessor held = HeldProcessor.hold(processing, SAGA_PROCESSOR)) {
            Api.Response accepted = api.as(tokens.tenantAdmin(tenantId, "alice")).post(
                    "/api/v1/tenants/" + tenantId + "/workspaces", Map.of("id", workspaceId, "name", "Design"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/suspend",
                    Map.of("reason", "card declined")).status()).isEqualTo(200);
        }

        eventually(() -> events.typesOf(tenantId).contains("WorkspaceSlotReleased"));
        assertThat(events.typesOf(tenantId)).containsExactly(
                onboardedThen("WorkspaceSlotReserved", "TenantSuspended", "WorkspaceSlotReleased"));
        assertThat(events.rowsOf(tenantId).get((int) ONBOARDED_VERSION + 3).get("payload").toString())
                .contains("create workspace failed").contains("suspended");
        assertThat(events.typesOf(workspaceId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from workspace_name_claim where workspace_id = ?::uuid",
                Long.class, workspaceId)).isZero();
        eventually(() -> jdbc.queryForObject("select count(*) from association_value_entry "
                + "where association_value = ?", Long.class, workspaceId) == 0);
        assertThat(journalOf(workspaceId)).containsExactly(
                "reserve slot SUCCEEDED", "create workspace STARTED", "create workspace FAILED",
                "release slot COMPENSATING", "release slot COMPENSATED", "end ENDED");
        assertThat(statusOf(workspaceId)).isEqualTo("COMPENSATED");
        assertThat(jdbc.queryForObject("select detail from saga_journal where saga_key = ? and transition = 'FAILED'",
                String.class, workspaceId)).contains("create workspace failed").contains("suspended");
    }

    @Test
    void aProvisionedWorkspaceLeavesItsTimelineInTheJournal() {
        String tenantId = createTenant("TEAM");
        String workspaceId = UUID.randomUUID().toString();

        Api.Response accepted = api.as(tokens.tenantAdmin(tenantId, "alice")).post(
                "/api/v1/tenants/" + tenantId + "/workspaces", Map.of("id", workspaceId, "name", "Design"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        eventually(() -> journalOf(workspaceId).contains("end ENDED"));
        assertThat(journalOf(workspaceId)).containsExactly(
                "reserve slot SUCCEEDED", "create workspace STARTED", "create workspace SUCCEEDED",
                "notify requester STARTED", "notify requester SUCCEEDED", "end ENDED");
        assertThat(statusOf(workspaceId)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("select distinct saga_type || ' ' || tenant_id from saga_journal "
                + "where saga_key = ?", String.class, workspaceId))
                .containsExactly("WorkspaceProvisioning " + tenantId);
    }

    /** The saga's status as operators see it (saga_instance, kept by the journal). */
    private String statusOf(String sagaKey) {
        return jdbc.queryForObject("select status from saga_instance where saga_type = 'WorkspaceProvisioning' "
                + "and saga_key = ?", String.class, sagaKey);
    }

    private java.util.List<String> journalOf(String sagaKey) {
        return jdbc.queryForList("select step || ' ' || transition from saga_journal where saga_key = ? order by id",
                String.class, sagaKey);
    }
}
