package io.baseplane.app.workspace;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.query.FindTenantQuery;
import io.baseplane.kernel.tenant.query.TenantView;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.ListTenantWorkspacesQuery;
import io.baseplane.kernel.workspace.query.ListWorkspaceMembersQuery;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Another tenant's data does not exist for a caller: every query answers 404, exactly as for something that
 * never existed, and nothing of the data is in the answer. Enforced by the query handlers themselves, so a
 * query sent on the bus with another tenant's metadata is refused as well.
 */
class TenantIsolationQueryTest extends PlatformTestBase {

    private static final String SECRET_NAME = "Secret Plans";

    @Autowired
    private QueryBus queryBus;

    private String tenantA;
    private String workspaceA;
    private String tenantB;

    @BeforeEach
    void twoTenants() {
        tenantA = createTenant("FREE");
        workspaceA = provisionWorkspace(tenantA, "alice", SECRET_NAME);
        tenantB = createTenant("FREE");
        // A's views are there: what B gets below is isolation, not a view still catching up.
        Api.Response seenByA = asAdminOf(tenantA).header("X-Min-Version", "1").get("/api/v1/workspaces/" + workspaceA);
        assertThat(seenByA.status()).as(seenByA.toString()).isEqualTo(200);
        assertThat(asAdminOf(tenantA).header("X-Min-Version", "1").get("/api/v1/tenants/" + tenantA).status())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsAdminGets404ForTheWorkspaceItsMembersTheTenantAndItsList() {
        Api other = asAdminOf(tenantB);

        assertHidden(other.get("/api/v1/workspaces/" + workspaceA));
        assertHidden(other.get("/api/v1/workspaces/" + workspaceA + "/members"));
        assertHidden(other.get("/api/v1/tenants/" + tenantA));
        assertHidden(other.get("/api/v1/tenants/" + tenantA + "/workspaces"));
        assertHidden(other.get("/api/v1/tenants/" + tenantA + "/workspaces?q=secret&status=ACTIVE"));
        assertHidden(api.as(tokens.member(tenantB, "mallory")).get("/api/v1/workspaces/" + workspaceA));
    }

    @Test
    void anotherTenantsAdminCannotSubscribeToTheWorkspace() {
        EventStream stream = EventStream.open(port, "/api/v1/workspaces/" + workspaceA + "/updates",
                tokens.tenantAdmin(tenantB, "mallory"));

        assertThat(stream.status()).isEqualTo(404);
        String body = stream.body();
        assertThat(body).contains("not-found").doesNotContain(SECRET_NAME).doesNotContain(tenantA)
                .doesNotContain("alice");
    }

    @Test
    void anotherTenantsWorkspaceLooksExactlyLikeOneThatDoesNotExist() {
        String unknown = UUID.randomUUID().toString();

        JsonNode foreign = assertProblem(asAdminOf(tenantB).get("/api/v1/workspaces/" + workspaceA), 404);
        JsonNode missing = assertProblem(asAdminOf(tenantB).get("/api/v1/workspaces/" + unknown), 404);

        assertThat(foreign.get("type")).isEqualTo(missing.get("type"));
        assertThat(foreign.get("code")).isEqualTo(missing.get("code"));
        assertThat(foreign.get("detail").asText().replace(workspaceA, "<id>"))
                .isEqualTo(missing.get("detail").asText().replace(unknown, "<id>"));
    }

    @Test
    void theQueryHandlersRefuseAnotherTenantsCallerThemselves() {
        Map<String, String> callerOfB = Map.of(MetaDataKeys.USER_ID, "mallory", MetaDataKeys.TENANT_ID, tenantB,
                MetaDataKeys.ROLES, "TENANT_ADMIN");
        WorkspaceId workspace = WorkspaceId.of(workspaceA);
        TenantId tenant = TenantId.of(tenantA);

        assertNotFound(ask(new FindWorkspaceQuery(workspace), WorkspaceView.class, callerOfB));
        assertNotFound(ask(new ListWorkspaceMembersQuery(workspace, 0, 10), Object.class, callerOfB));
        assertNotFound(ask(new FindTenantQuery(tenant), TenantView.class, callerOfB));
        assertNotFound(ask(new ListTenantWorkspacesQuery(tenant, null, null, 0, 10), Object.class, callerOfB));

        // The same queries with A's own caller are answered.
        Map<String, String> callerOfA = Map.of(MetaDataKeys.USER_ID, "alice", MetaDataKeys.TENANT_ID, tenantA,
                MetaDataKeys.ROLES, "TENANT_ADMIN");
        QueryResponseMessage<WorkspaceView> answered = ask(new FindWorkspaceQuery(workspace), WorkspaceView.class,
                callerOfA);
        assertThat(answered.isExceptional()).isFalse();
        assertThat(answered.getPayload().name()).isEqualTo(SECRET_NAME);
    }

    @Test
    void anOperatorSeesEveryTenant() {
        Api operator = api.as(tokens.operator());

        assertThat(operator.get("/api/v1/workspaces/" + workspaceA).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/tenants/" + tenantA).status()).isEqualTo(200);
        String general = defaultWorkspaceOf(tenantA);
        // The default workspace's view may be projected by the other segment, a moment later.
        eventually(() -> operator.get("/api/v1/tenants/" + tenantA + "/workspaces").json().get("items")
                .findValuesAsText("id").contains(general));
        Api.Response list = operator.get("/api/v1/tenants/" + tenantA + "/workspaces");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("id")).containsExactly(general, workspaceA);
    }

    private Api asAdminOf(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, tenantId.equals(tenantA) ? "alice" : "mallory"));
    }

    /** 404 as problem+json, and nothing of tenant A's data in it. */
    private void assertHidden(Api.Response response) {
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain(SECRET_NAME).doesNotContain("alice").doesNotContain("\"items\"")
                .doesNotContain("\"members\"").doesNotContain("\"version\"");
        assertThat(response.header("ETag")).isNull();
    }

    private <R> QueryResponseMessage<R> ask(Object query, Class<R> type, Map<String, String> metaData) {
        try {
            return queryBus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))
                    .andMetaData(metaData)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static void assertNotFound(QueryResponseMessage<?> response) {
        assertThat(response.isExceptional()).as("refused").isTrue();
        assertThat(response.exceptionResult()).isInstanceOf(NotFoundException.class);
    }
}
