package io.baseplane.app.security;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through HTTP, a tenant MEMBER's token acts in a workspace only as far as its workspace role allows; the
 * refusal is a 403 problem naming the missing role, and it writes nothing.
 */
class WorkspaceRolesApiTest extends PlatformTestBase {

    private String tenantId;
    private String workspaceId;

    @BeforeEach
    void aWorkspaceWithAnAdminAndAViewer() {
        tenantId = createTenant("TEAM");
        workspaceId = provisionWorkspace(tenantId, "olivia", "Roles");
        Api owner = api.as(tokens.tenantAdmin(tenantId, "olivia"));
        assertThat(owner.post(members(), Map.of("userId", "adam", "role", "ADMIN")).status()).isEqualTo(201);
        assertThat(owner.post(members(), Map.of("userId", "vera", "role", "VIEWER")).status()).isEqualTo(201);
    }

    @Test
    void aViewerMayNotAddMembersOrRenameAndNothingIsWritten() {
        Api vera = asMember("vera");
        long before = events.count();

        JsonNode added = assertProblem(vera.post(members(), Map.of("userId", "mallory", "role", "OWNER")), 403);
        JsonNode renamed = assertProblem(vera.patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Mine")), 403);

        assertThat(added.get("code").asText()).isEqualTo("workspace.role-required");
        assertThat(renamed.get("detail").asText()).contains("ADMIN").contains("VIEWER");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aTenantMemberOutsideTheWorkspaceMayNotArchiveIt() {
        JsonNode refused = assertProblem(asMember("stranger").post("/api/v1/workspaces/" + workspaceId + "/archive", null), 403);

        assertThat(refused.get("detail").asText()).contains("not a member");
        assertThat(events.typesOf(workspaceId)).doesNotContain("WorkspaceArchived");
    }

    @Test
    void aWorkspaceAdminAddsAnEditorButMayNotMakeAnOwner() {
        Api adam = asMember("adam");

        Api.Response editor = adam.post(members(), Map.of("userId", "eddie", "role", "EDITOR"));
        JsonNode owner = assertProblem(adam.post(members(), Map.of("userId", "mallory", "role", "OWNER")), 403);

        assertThat(editor.status()).as(editor.toString()).isEqualTo(201);
        assertThat(owner.get("detail").asText()).contains("OWNER");
        assertThat(events.typesOf(workspaceId)).filteredOn("MemberAdded"::equals).hasSize(4);
    }

    @Test
    void aMemberTokenStillCannotProvisionWorkspacesOrChangeThePlan() {
        Api vera = asMember("vera");

        assertProblem(vera.post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Side project")), 403);
        assertProblem(vera.post("/api/v1/tenants/" + tenantId + "/plan", Map.of("plan", "ENTERPRISE")), 403);
    }

    @Test
    void anAnotherTenantsMemberSeesNothing() {
        String otherTenant = createTenant("FREE");
        Api mallory = api.as(tokens.member(otherTenant, "vera"));

        assertProblem(mallory.post(members(), Map.of("userId", "mallory", "role", "VIEWER")), 404);
    }

    private Api asMember(String userId) {
        return api.as(tokens.member(tenantId, userId));
    }

    private String members() {
        return "/api/v1/workspaces/" + workspaceId + "/members";
    }
}
