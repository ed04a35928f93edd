package io.baseplane.app.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantCommandApiTest extends PlatformTestBase {

    @Test
    void anOperatorCreatesATenantAndGetsItsIdVersionAndLocation() {
        String tenantId = UUID.randomUUID().toString();

        Api.Response response = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("id", tenantId, "name", "Acme", "plan", "TEAM"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("id").asText()).isEqualTo(tenantId);
        assertThat(response.json().get("version").asLong()).isZero();
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(response.header("Location")).isEqualTo("/api/v1/tenants/" + tenantId);
        assertThat(events.typesOf(tenantId)).containsExactly("TenantCreated");
    }

    @Test
    void aTenantAdminMayNotCreateTenants() {
        Api.Response response = api.as(tokens.tenantAdmin(UUID.randomUUID().toString(), "alice"))
                .post("/api/v1/tenants", Map.of("name", "Acme", "plan", "FREE"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBlankNameIsRefusedWithAFieldErrorAndWritesNothing() {
        long before = events.count();

        Api.Response response = api.as(tokens.operator()).post("/api/v1/tenants", Map.of("name", "  ", "plan", "FREE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anUnknownPlanIsRefusedNamingTheField() {
        Api.Response response = api.as(tokens.operator()).post("/api/v1/tenants",
                Map.of("name", "Acme", "plan", "PLATINUM"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("plan");
        assertThat(response.body()).doesNotContain("Exception", "at io.", "tools.jackson");
    }

    @Test
    void changingThePlanWithAStaleIfMatchIsAPreconditionFailure() {
        String tenantId = createTenant("FREE");

        String current = "\"" + ONBOARDED_VERSION + "\"";
        Api.Response upgraded = api.as(tokens.operator()).header("If-Match", current)
                .post("/api/v1/tenants/" + tenantId + "/plan", Map.of("plan", "TEAM"));
        Api.Response stale = api.as(tokens.operator()).header("If-Match", current)
                .post("/api/v1/tenants/" + tenantId + "/plan", Map.of("plan", "ENTERPRISE"));

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.header("ETag")).isEqualTo("\"" + (ONBOARDED_VERSION + 1) + "\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen("TenantPlanChanged"));
    }

    @Test
    void aDowngradeBelowUsageIsRefusedWithTheBrokenRule() {
        String tenantId = createTenant("TEAM");
        for (int i = 0; i < 4; i++) {
            provisionWorkspace(tenantId, "owner", "Space " + i);
        }

        Api.Response response = api.as(tokens.tenantAdmin(tenantId, "owner"))
                .post("/api/v1/tenants/" + tenantId + "/plan", Map.of("plan", "FREE"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("tenant.plan-downgrade-workspaces");
    }

    @Test
    void aSuspendedTenantCannotProvisionWorkspacesUntilReactivated() {
        String tenantId = createTenant("FREE");
        assertThat(api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/suspend",
                Map.of("reason", "unpaid")).status()).isEqualTo(200);

        Api.Response refused = api.as(tokens.tenantAdmin(tenantId, "alice"))
                .post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Design"));
        api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/reactivate", Map.of("reason", "paid"));
        Api.Response accepted = api.as(tokens.tenantAdmin(tenantId, "alice"))
                .post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Design"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("tenant.suspended");
        assertThat(accepted.status()).isEqualTo(202);
    }

    @Test
    void onlyOperatorsSuspendTenants() {
        String tenantId = createTenant("FREE");

        Api.Response response = api.as(tokens.tenantAdmin(tenantId, "alice"))
                .post("/api/v1/tenants/" + tenantId + "/suspend", Map.of("reason", "why not"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen());
    }

    @Test
    void aTenantAdminCannotTouchAnotherTenant() {
        String mine = createTenant("FREE");
        String theirs = createTenant("FREE");

        Api.Response response = api.as(tokens.tenantAdmin(mine, "alice"))
                .post("/api/v1/tenants/" + theirs + "/plan", Map.of("plan", "TEAM"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(events.typesOf(theirs)).containsExactly(onboardedThen());
    }
}
