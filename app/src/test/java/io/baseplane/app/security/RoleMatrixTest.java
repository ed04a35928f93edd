package io.baseplane.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The README's role matrix, checked row by row through the real HTTP stack: for each endpoint family and
 * each role, a forbidden role gets 403 and an allowed one gets past authorisation (whatever the handler
 * then answers). Every role's token belongs to the tenant the requests address, so a 403 here is the role
 * and not tenant isolation. No token at all is 401 everywhere.
 */
class RoleMatrixTest extends PlatformTestBase {

    private static final List<String> ROLES = List.of("PLATFORM_OPERATOR", "TENANT_ADMIN", "MEMBER", "AUDITOR");

    @Test
    void eachRoleReachesExactlyTheEndpointFamiliesTheMatrixGivesIt() {
        String tenantId = createTenant("ENTERPRISE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Matrix");
        String anyId = UUID.randomUUID().toString();
        List<Row> matrix = List.of(
                new Row("create tenant", "POST", "/api/v1/tenants", Map.of("name", "X", "plan", "FREE"), "PLATFORM_OPERATOR"),
                new Row("suspend tenant", "POST", "/api/v1/tenants/" + tenantId + "/suspend", Map.of(), "PLATFORM_OPERATOR"),
                new Row("reactivate tenant", "POST", "/api/v1/tenants/" + tenantId + "/reactivate", Map.of(), "PLATFORM_OPERATOR"),
                new Row("change plan", "POST", "/api/v1/tenants/" + tenantId + "/plan", Map.of("plan", "ENTERPRISE"),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("provision workspace", "POST", "/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", ""),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("workspace details", "PATCH", "/api/v1/workspaces/" + workspaceId, Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN", "MEMBER"),
                new Row("add member", "POST", "/api/v1/workspaces/" + workspaceId + "/members", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN", "MEMBER"),
                new Row("connect Airtable base", "POST", "/api/v1/workspaces/" + workspaceId + "/airtable-syncs", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("run a sync", "POST", "/api/v1/airtable-syncs/" + anyId + "/runs", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("define workflow", "POST", "/api/v1/workspaces/" + workspaceId + "/workflows", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("update workflow", "PUT", "/api/v1/workflows/" + anyId, Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("run workflow", "POST", "/api/v1/workflows/" + anyId + "/runs", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("issue API key", "POST", "/api/v1/tenants/" + tenantId + "/api-keys", Map.of(),
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("list API keys", "GET", "/api/v1/tenants/" + tenantId + "/api-keys", null,
                        "PLATFORM_OPERATOR", "TENANT_ADMIN"),
                new Row("read tenant", "GET", "/api/v1/tenants/" + tenantId, null, ROLES.toArray(String[]::new)),
                new Row("read workspace", "GET", "/api/v1/workspaces/" + workspaceId, null, ROLES.toArray(String[]::new)),
                // Last, as the operator's request archives it.
                new Row("archive workspace", "POST", "/api/v1/workspaces/" + workspaceId + "/archive", null,
                        "PLATFORM_OPERATOR", "TENANT_ADMIN", "MEMBER"));

        SoftAssertions softly = new SoftAssertions();
        for (Row row : matrix) {
            for (String role : ROLES) {
                Api caller = api.as(role.equals("PLATFORM_OPERATOR") ? tokens.operator()
                        : tokens.token("matrix-" + role.toLowerCase(), tenantId, role));
                Api.Response response = send(caller, row);
                // The route's refusal is the problem type "forbidden"; a workspace role the aggregate finds
                // missing (a MEMBER who is not in the workspace) is a 403 with its own code, past the route.
                boolean refusedByRoute = response.status() == 403 && response.json().get("type").asText().endsWith("/forbidden");
                if (row.allowed().contains(role)) {
                    softly.assertThat(response.status()).as(row.family() + " as " + role + ": " + response).isNotEqualTo(401);
                    softly.assertThat(refusedByRoute).as(row.family() + " as " + role + ": " + response).isFalse();
                } else {
                    softly.assertThat(refusedByRoute).as(row.family() + " as " + role + ": " + response).isTrue();
                }
            }
            softly.assertThat(send(api, row).status()).as(row.family() + " without a token").isEqualTo(401);
        }
        softly.assertAll();
        assertThat(matrix).hasSizeGreaterThan(10);
    }

    private static Api.Response send(Api caller, Row row) {
        return switch (row.method()) {
            case "GET" -> caller.get(row.path());
            case "PATCH" -> caller.patch(row.path(), row.body());
            case "PUT" -> caller.put(row.path(), row.body());
            default -> caller.post(row.path(), row.body());
        };
    }

    private record Row(String family, String method, String path, Object body, List<String> allowed) {

        Row(String family, String method, String path, Object body, String... allowed) {
            this(family, method, path, body, List.of(allowed));
        }
    }
}
