package io.baseplane.app.tenant;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/tenants/{id}} against the real stores: plan, standing and workspace usage against the
 * quota, each command read back at the version its ETag named.
 */
class TenantQueryApiTest extends PlatformTestBase {

    @Test
    void anOnboardedTenantIsActiveWithItsDefaultWorkspaceAndShowsItsPlansQuotas() {
        String tenantId = createTenant("FREE");

        // Created 0, the default workspace's slot 1, onboarding completed 2.
        Api.Response read = admin(tenantId).header("X-Min-Version", "2").get("/api/v1/tenants/" + tenantId);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        JsonNode view = read.json();
        assertThat(view.get("id").asText()).isEqualTo(tenantId);
        assertThat(view.get("name").asText()).isEqualTo("Tenant " + tenantId.substring(0, 8));
        assertThat(view.get("plan").asText()).isEqualTo("FREE");
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("workspaceCount").asInt()).isEqualTo(1);
        assertThat(view.get("workspaceQuota").asInt()).isEqualTo(3);
        assertThat(view.get("memberLimitPerWorkspace").asInt()).isEqualTo(5);
        assertThat(view.get("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(view.get("createdAt").asText()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(Instant.parse(view.get("updatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(view.get("createdAt").asText()));
    }

    @Test
    void planStandingAndWorkspaceUsageFollowTheTenantsCommands() {
        String tenantId = createTenant("FREE");
        String path = "/api/v1/tenants/" + tenantId;

        JsonNode enterprise = readYourWrite(tenantId, operator().post(path + "/plan", Map.of("plan", "ENTERPRISE")));
        assertThat(enterprise.get("plan").asText()).isEqualTo("ENTERPRISE");
        assertThat(enterprise.get("workspaceQuota").isNull()).as("unlimited").isTrue();
        assertThat(enterprise.get("memberLimitPerWorkspace").asInt()).isEqualTo(1000);

        JsonNode suspended = readYourWrite(tenantId, operator().post(path + "/suspend", Map.of("reason", "unpaid")));
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");

        JsonNode reactivated = readYourWrite(tenantId, operator().post(path + "/reactivate", Map.of("reason", "paid")));
        assertThat(reactivated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(reactivated.get("updatedAt").asText()))
                .isAfter(Instant.parse(reactivated.get("createdAt").asText()));

        provisionWorkspace(tenantId, "olivia", "Design");
        provisionWorkspace(tenantId, "olivia", "Marketing");
        // Created 0, default slot 1, onboarded 2, plan 3, suspended 4, reactivated 5, two slots 6 and 7.
        Api.Response usage = admin(tenantId).header("X-Min-Version", "7").get(path);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().get("workspaceCount").asInt()).isEqualTo(3);
        assertThat(usage.header("ETag")).isEqualTo("\"7\"");
    }

    @Test
    void aMemberOfTheTenantMayReadItAndAnUnknownTenantIs404() {
        String tenantId = createTenant("TEAM");

        Api.Response asMember = api.as(tokens.member(tenantId, "mia")).header("X-Min-Version", "0")
                .get("/api/v1/tenants/" + tenantId);
        assertThat(asMember.status()).as(asMember.toString()).isEqualTo(200);
        assertThat(asMember.json().get("workspaceQuota").asInt()).isEqualTo(25);

        String unknown = UUID.randomUUID().toString();
        assertProblem(operator().get("/api/v1/tenants/" + unknown), 404);
        assertInvalidField(operator().get("/api/v1/tenants/not-a-uuid"), "tenantId");
        assertProblem(api.get("/api/v1/tenants/" + tenantId), 401);
    }

    private Api admin(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    private Api operator() {
        return api.as(tokens.operator());
    }

    /** Reads the tenant at the version the command's ETag names. */
    private JsonNode readYourWrite(String tenantId, Api.Response command) {
        assertThat(command.status()).as(command.toString()).isEqualTo(200);
        String version = command.header("ETag").replace("\"", "");
        Api.Response read = admin(tenantId).header("X-Min-Version", version).get("/api/v1/tenants/" + tenantId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(command.header("ETag"));
        return read.json();
    }
}
