package io.baseplane.app.tenant;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.HeldProcessor;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The TenantOnboarding saga end to end, through HTTP, on the real saga store and event store: a new tenant
 * gets its default workspace, its owner a welcome, and the tenant becomes ACTIVE; where the saga cannot
 * finish, the tenant ends ONBOARDING_FAILED and takes no new work.
 */
class TenantOnboardingTest extends PlatformTestBase {

    private static final String SAGA_PROCESSOR = "TenantOnboardingSagaProcessor";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aNewTenantGetsItsDefaultWorkspaceOwnedByItsOwnerAWelcomeAndBecomesActive() {
        String tenantId = UUID.randomUUID().toString();

        Api.Response created = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Acme", "plan", "TEAM", "owner", "olivia"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> events.typesOf(tenantId).contains("TenantOnboardingCompleted"));
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen());

        JsonNode tenant = asOlivia(tenantId).header("X-Min-Version", "2").get("/api/v1/tenants/" + tenantId).json();
        assertThat(tenant.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(tenant.get("workspaceCount").asInt()).isEqualTo(1);

        String general = defaultWorkspaceOf(tenantId);
        JsonNode workspace = asOlivia(tenantId).header("X-Min-Version", "1").get("/api/v1/workspaces/" + general).json();
        assertThat(workspace.get("name").asText()).isEqualTo("General");
        assertThat(workspace.get("members").findValuesAsText("userId")).containsExactly("olivia");
        assertThat(workspace.get("members").findValuesAsText("role")).containsExactly("OWNER");

        assertThat(jdbc.queryForList("select topic from notification_outbox where tenant_id = ?::uuid "
                + "and recipient = 'olivia' order by created_at", String.class, tenantId))
                .contains("tenant.welcome");
        assertThat(journalOf(tenantId)).containsExactly("provision default workspace STARTED",
                "provision default workspace SUCCEEDED", "welcome owner STARTED", "welcome owner SUCCEEDED",
                "activate tenant STARTED", "activate tenant SUCCEEDED", "end ENDED");
        eventually(() -> sagasOf(tenantId) == 0);
    }

    @Test
    void withoutANamedOwnerTheCreatorOwnsTheDefaultWorkspace() {
        String tenantId = UUID.randomUUID().toString();

        Api.Response created = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Acme", "plan", "FREE"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> events.typesOf(tenantId).contains("TenantOnboardingCompleted"));
        String general = defaultWorkspaceOf(tenantId);
        assertThat(events.rowsOf(general).get(1).get("payload").toString()).contains("\"userId\": \"operator\"");
    }

    @Test
    void aBadOwnerIsRefusedWithAFieldErrorAndWritesNothing() {
        String tenantId = UUID.randomUUID().toString();

        Api.Response refused = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Acme", "plan", "FREE", "owner", "olivia\nadmin"));

        assertInvalidField(refused, "owner");
        assertThat(events.typesOf(tenantId)).isEmpty();
    }

    @Test
    void aTenantWhoseDefaultWorkspaceNameWasTakenFirstEndsOnboardingFailedAndTakesNoNewWork() {
        String tenantId = UUID.randomUUID().toString();
        // Hold onboarding back while the tenant's admin is quicker and takes the name "General".
        try (HeldProcessor held = HeldProcessor.hold(processing, SAGA_PROCESSOR)) {
            Api.Response created = api.as(tokens.operator()).post("/api/v1/tenants",
                    Map.of("id", tenantId, "name", "Acme", "plan", "TEAM", "owner", "olivia"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            provisionWorkspace(tenantId, "olivia", "General");
        }

        eventually(() -> events.typesOf(tenantId).contains("TenantOnboardingFailed"));
        assertThat(events.rowsOf(tenantId).get(events.typesOf(tenantId).size() - 1).get("payload").toString())
                .contains("provision default workspace failed").contains("General");
        JsonNode tenant = asOlivia(tenantId).header("X-Min-Version", Integer.toString(events.typesOf(tenantId).size() - 1))
                .get("/api/v1/tenants/" + tenantId).json();
        assertThat(tenant.get("status").asText()).isEqualTo("ONBOARDING_FAILED");
        assertThat(tenant.get("workspaceCount").asInt()).as("only the admin's own workspace").isEqualTo(1);
        assertThat(journalOf(tenantId)).containsExactly("provision default workspace STARTED",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING",
                "mark onboarding failed COMPENSATED", "end ENDED");

        long before = events.count();
        Api.Response refused = asOlivia(tenantId).post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("name", "Design"));
        assertRuleViolation(refused, "tenant.onboarding-failed");
        assertThat(events.count()).isEqualTo(before);

        Api.Response reactivated = api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/reactivate",
                Map.of("reason", "set up by hand"));
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(provisionWorkspace(tenantId, "olivia", "Design")).isNotBlank();
    }

    private Api asOlivia(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    private List<String> journalOf(String tenantId) {
        return jdbc.queryForList("select step || ' ' || transition from saga_journal "
                + "where saga_type = 'TenantOnboarding' and saga_key = ? order by id", String.class, tenantId);
    }

    private long sagasOf(String tenantId) {
        return jdbc.queryForObject("select count(*) from association_value_entry where association_key = 'tenantId' "
                + "and association_value = ?", Long.class, tenantId);
    }
}
