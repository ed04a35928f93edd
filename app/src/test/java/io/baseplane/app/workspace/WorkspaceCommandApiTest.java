package io.baseplane.app.workspace;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkspaceCommandApiTest extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- provisioning -------------------------------------------------------------------------------

    @Test
    void provisioningIsAcceptedThenCreatesTheWorkspaceWithTheRequesterAsOwnerAndNotifiesThem() throws Exception {
        String tenantId = createTenant("FREE");
        String workspaceId = UUID.randomUUID().toString();

        Api.Response accepted = admin(tenantId, "olivia").post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("id", workspaceId, "name", "Design", "description", "the design team"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/workspaces/" + workspaceId);
        assertThat(accepted.json().get("id").asText()).isEqualTo(workspaceId);
        eventually(() -> events.typesOf(workspaceId).size() >= 2);
        assertThat(events.typesOf(workspaceId)).containsExactly("WorkspaceCreated", "MemberAdded");
        List<Map<String, Object>> rows = events.rowsOf(workspaceId);
        JsonNode created = JSON.readTree((String) rows.get(0).get("payload"));
        assertThat(created.get("name").asText()).isEqualTo("Design");
        assertThat(created.get("tenantId").asText()).isEqualTo(tenantId);
        JsonNode owner = JSON.readTree((String) rows.get(1).get("payload"));
        assertThat(owner.get("userId").asText()).isEqualTo("olivia");
        assertThat(owner.get("role").asText()).isEqualTo("OWNER");
        assertThat(events.typesOf(tenantId)).containsExactly(onboardedThen("WorkspaceSlotReserved"));

        eventually(() -> notificationsFor(tenantId, "olivia") == 1);
        Map<String, Object> notification = jdbc.queryForMap(
                "select topic, body from notification_outbox where tenant_id = ?::uuid and recipient = ?",
                tenantId, "olivia");
        assertThat(notification.get("topic")).isEqualTo("workspace.ready");
        assertThat((String) notification.get("body")).contains("Design");
    }

    @Test
    void aFreeTenantHoldsThreeWorkspacesIncludingItsDefaultOneAndTheFourthIsRefusedWithTheQuotaRule() {
        String tenantId = createTenant("FREE");
        for (int i = 2; i <= 3; i++) {
            provisionWorkspace(tenantId, "olivia", "Space " + i);
        }
        long before = events.count();

        Api.Response refused = admin(tenantId, "olivia").post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("name", "Space 4"));

        assertRuleViolation(refused, "tenant.workspace-quota");
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(tenantId)).filteredOn("WorkspaceSlotReserved"::equals).hasSize(3);
    }

    @Test
    void aWorkspaceIdThatAnyAggregateUsesIsRefusedUpFrontAndSpendsNoSlot() {
        String tenantId = createTenant("FREE");
        String otherTenant = createTenant("FREE");
        String othersWorkspace = provisionWorkspace(otherTenant, "bea", "Theirs");
        long before = events.count();

        for (String taken : java.util.List.of(tenantId, othersWorkspace, otherTenant)) {
            Api.Response refused = admin(tenantId, "olivia").post("/api/v1/tenants/" + tenantId + "/workspaces",
                    Map.of("id", taken, "name", "Mine " + taken.substring(0, 8)));
            assertRuleViolation(refused, "workspace.id-taken");
            assertThat(refused.body()).as("says nothing of what holds the id").doesNotContain("Theirs").doesNotContain("Tenant ");
        }

        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(tenantId)).filteredOn("WorkspaceSlotReserved"::equals).hasSize(1);
        // The quota is intact: two more workspaces fit in the FREE plan.
        provisionWorkspace(tenantId, "olivia", "Second");
        provisionWorkspace(tenantId, "olivia", "Third");
    }

    // ---- members ------------------------------------------------------------------------------------

    @Test
    void membersCanBeAddedUpToTheFreeLimitOfFiveIncludingTheOwnerThenTheLimitRuleRefuses() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        for (int i = 1; i <= 4; i++) {
            Api.Response added = addMember(tenantId, workspaceId, "user-" + i, "EDITOR");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.header("Location")).isEqualTo("/api/v1/workspaces/" + workspaceId + "/members/user-" + i);
            // Created at version 0, owner added at 1, so the i-th member leaves it at 1 + i.
            assertThat(added.header("ETag")).isEqualTo("\"" + (1 + i) + "\"");
            assertThat(added.json().get("version").asLong()).isEqualTo(1 + i);
        }
        long before = events.count();

        Api.Response sixth = addMember(tenantId, workspaceId, "user-5", "VIEWER");

        assertRuleViolation(sixth, "workspace.member-limit");
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(workspaceId)).filteredOn("MemberAdded"::equals).hasSize(5);
    }

    @Test
    void theMemberLimitFollowsThePlanAtOnceAfterAnUpgrade() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        for (int i = 1; i <= 4; i++) {
            addMember(tenantId, workspaceId, "user-" + i, "VIEWER");
        }
        assertRuleViolation(addMember(tenantId, workspaceId, "user-5", "VIEWER"), "workspace.member-limit");

        Api.Response upgraded = api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/plan",
                Map.of("plan", "TEAM"));
        Api.Response sixth = addMember(tenantId, workspaceId, "user-5", "VIEWER");

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(201);
    }

    @Test
    void aWorkspaceWithMoreMembersThanTheSmallerPlanAllowsHoldsBackTheDowngradeUntilSomeoneLeaves() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        for (int i = 1; i <= 5; i++) {
            addMember(tenantId, workspaceId, "user-" + i, "VIEWER");
        }
        long before = events.count();

        Api.Response refused = api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/plan",
                Map.of("plan", "FREE"));
        assertRuleViolation(refused, "tenant.plan-downgrade-members");
        assertThat(events.count()).isEqualTo(before);

        Api.Response left = admin(tenantId, "olivia").delete("/api/v1/workspaces/" + workspaceId + "/members/user-5");
        Api.Response downgraded = api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/plan",
                Map.of("plan", "FREE"));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(downgraded.status()).as(downgraded.toString()).isEqualTo(200);
    }

    @Test
    void aSuspendedTenantsWorkspacesTakeNoNewMembers() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        assertThat(api.as(tokens.operator()).post("/api/v1/tenants/" + tenantId + "/suspend",
                Map.of("reason", "unpaid")).status()).isEqualTo(200);
        long before = events.count();

        Api.Response refused = addMember(tenantId, workspaceId, "bob", "EDITOR");

        assertRuleViolation(refused, "tenant.suspended");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberIsAConflict() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        assertThat(addMember(tenantId, workspaceId, "bob", "EDITOR").status()).isEqualTo(201);
        long before = events.count();

        Api.Response again = addMember(tenantId, workspaceId, "bob", "VIEWER");
        Api.Response owner = addMember(tenantId, workspaceId, "olivia", "VIEWER");

        assertRuleViolation(again, "workspace.duplicate-member");
        assertRuleViolation(owner, "workspace.duplicate-member");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aMembersRoleCanBeChanged() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        addMember(tenantId, workspaceId, "bob", "VIEWER");

        Api.Response changed = admin(tenantId, "olivia")
                .put("/api/v1/workspaces/" + workspaceId + "/members/bob", Map.of("role", "ADMIN"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"3\"");
        assertThat(events.typesOf(workspaceId)).endsWith("MemberRoleChanged");
        assertThat(events.rowsOf(workspaceId).get(3).get("payload").toString()).contains("\"ADMIN\"");
    }

    @Test
    void changingTheRoleOfSomeoneWhoIsNotAMemberIsNotFound() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        Api.Response response = admin(tenantId, "olivia")
                .put("/api/v1/workspaces/" + workspaceId + "/members/nobody", Map.of("role", "ADMIN"));

        assertProblem(response, 404);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemoved() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        addMember(tenantId, workspaceId, "bob", "ADMIN");
        long before = events.count();

        Api.Response demoted = admin(tenantId, "olivia")
                .put("/api/v1/workspaces/" + workspaceId + "/members/olivia", Map.of("role", "ADMIN"));
        Api.Response removed = admin(tenantId, "olivia").delete("/api/v1/workspaces/" + workspaceId + "/members/olivia");

        assertRuleViolation(demoted, "workspace.last-owner");
        assertRuleViolation(removed, "workspace.last-owner");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anOwnerCanStepDownOnceAnotherOwnerExists() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        addMember(tenantId, workspaceId, "bob", "OWNER");

        Api.Response demoted = admin(tenantId, "olivia")
                .put("/api/v1/workspaces/" + workspaceId + "/members/olivia", Map.of("role", "EDITOR"));
        long before = events.count();
        Api.Response bobAlone = admin(tenantId, "olivia").delete("/api/v1/workspaces/" + workspaceId + "/members/bob");
        assertThat(events.count()).isEqualTo(before);
        Api.Response removed = admin(tenantId, "olivia").delete("/api/v1/workspaces/" + workspaceId + "/members/olivia");

        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertRuleViolation(bobAlone, "workspace.last-owner");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(events.typesOf(workspaceId)).endsWith("MemberRoleChanged", "MemberRemoved");
    }

    // ---- details and optimistic concurrency ---------------------------------------------------------

    @Test
    void renamingAnswersTheNewVersionAndIfMatchGuardsAgainstStaleWrites() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response first = admin(tenantId, "olivia").header("If-Match", "\"1\"")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 2"));
        Api.Response second = admin(tenantId, "olivia").header("If-Match", first.header("ETag"))
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 3"));
        Api.Response unconditional = admin(tenantId, "olivia")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("description", "now with a description"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.header("ETag")).isEqualTo("\"3\"");
        assertThat(unconditional.header("ETag")).isEqualTo("\"4\"");
        assertThat(events.typesOf(workspaceId)).endsWith("WorkspaceRenamed", "WorkspaceRenamed",
                "WorkspaceDescriptionChanged");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndWritesNothing() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        admin(tenantId, "olivia").patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 2"));
        long before = events.count();

        Api.Response stale = admin(tenantId, "olivia").header("If-Match", "\"1\"")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 3"));
        Api.Response ahead = admin(tenantId, "olivia").header("If-Match", "\"9\"")
                .post("/api/v1/workspaces/" + workspaceId + "/members", Map.of("userId", "bob", "role", "EDITOR"));

        assertProblem(stale, 412);
        assertProblem(ahead, 412);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aMalformedIfMatchIsBadInput() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        Api.Response unquoted = admin(tenantId, "olivia").header("If-Match", "1")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 2"));
        Api.Response garbage = admin(tenantId, "olivia").header("If-Match", "\"one\"")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Design 2"));

        assertInvalidField(unquoted, "If-Match");
        assertInvalidField(garbage, "If-Match");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aPatchWithNothingToChangeIsBadInput() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        Api.Response response = admin(tenantId, "olivia").patch("/api/v1/workspaces/" + workspaceId, Map.of());

        assertProblem(response, 400);
        assertThat(events.count()).isEqualTo(before);
    }

    // ---- archive ------------------------------------------------------------------------------------

    @Test
    void anArchivedWorkspaceRefusesEveryChange() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        addMember(tenantId, workspaceId, "bob", "EDITOR");
        Api.Response archived = admin(tenantId, "olivia").post("/api/v1/workspaces/" + workspaceId + "/archive", null);
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(events.typesOf(workspaceId)).endsWith("WorkspaceArchived");
        long before = events.count();
        Api admin = admin(tenantId, "olivia");
        String base = "/api/v1/workspaces/" + workspaceId;

        List<Api.Response> refused = List.of(
                admin.patch(base, Map.of("name", "Renamed")),
                admin.post(base + "/members", Map.of("userId", "carol", "role", "EDITOR")),
                admin.put(base + "/members/bob", Map.of("role", "ADMIN")),
                admin.delete(base + "/members/bob"),
                admin.post(base + "/archive", null));

        refused.forEach(response -> assertRuleViolation(response, "workspace.archived"));
        assertThat(events.count()).isEqualTo(before);
    }

    // ---- not found, isolation and roles -------------------------------------------------------------

    @Test
    void anUnknownWorkspaceIsNotFound() {
        String tenantId = createTenant("FREE");
        String unknown = UUID.randomUUID().toString();
        long before = events.count();

        Api.Response patched = admin(tenantId, "olivia").patch("/api/v1/workspaces/" + unknown, Map.of("name", "X"));
        Api.Response member = admin(tenantId, "olivia").post("/api/v1/workspaces/" + unknown + "/members",
                Map.of("userId", "bob", "role", "EDITOR"));
        Api.Response archived = admin(tenantId, "olivia").post("/api/v1/workspaces/" + unknown + "/archive", null);

        assertProblem(patched, 404);
        assertProblem(member, 404);
        assertProblem(archived, 404);
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(unknown)).isEmpty();
    }

    @Test
    void anotherTenantsAdminSeesTheWorkspaceAsNotFoundAndChangesNothing() {
        String tenantId = createTenant("FREE");
        String otherTenant = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();
        Api intruder = admin(otherTenant, "mallory");
        String base = "/api/v1/workspaces/" + workspaceId;

        Api.Response member = intruder.post(base + "/members", Map.of("userId", "mallory", "role", "OWNER"));
        Api.Response renamed = intruder.patch(base, Map.of("name", "Owned"));
        Api.Response demoted = intruder.put(base + "/members/olivia", Map.of("role", "VIEWER"));
        Api.Response archived = intruder.post(base + "/archive", null);

        for (Api.Response response : List.of(member, renamed, demoted, archived)) {
            assertProblem(response, 404);
        }
        // Indistinguishable from a workspace that does not exist: no hint that it does.
        assertThat(member.json().get("type")).isEqualTo(
                intruder.post("/api/v1/workspaces/" + UUID.randomUUID() + "/members",
                        Map.of("userId", "mallory", "role", "OWNER")).json().get("type"));
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(workspaceId)).containsExactly("WorkspaceCreated", "MemberAdded");
    }

    @Test
    void anotherTenantsAdminCannotProvisionIntoThisTenant() {
        String tenantId = createTenant("FREE");
        String otherTenant = createTenant("FREE");
        long before = events.count();

        Api.Response response = admin(otherTenant, "mallory")
                .post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Trojan"));

        assertProblem(response, 404);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aPlainTenantMemberWithoutAWorkspaceRoleMayNotChangeWorkspaces() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();
        Api member = api.as(tokens.member(tenantId, "bob"));
        String base = "/api/v1/workspaces/" + workspaceId;

        List<Api.Response> refused = List.of(
                member.post(base + "/members", Map.of("userId", "bob", "role", "EDITOR")),
                member.patch(base, Map.of("name", "Mine")),
                member.put(base + "/members/olivia", Map.of("role", "VIEWER")),
                member.delete(base + "/members/olivia"),
                member.post(base + "/archive", null),
                member.post("/api/v1/tenants/" + tenantId + "/workspaces", Map.of("name", "Another")));

        refused.forEach(response -> assertProblem(response, 403));
        assertThat(events.count()).isEqualTo(before);
    }

    // ---- malformed input ----------------------------------------------------------------------------

    @Test
    void aBlankOrControlCharacterUserIdIsRefusedWithAFieldError() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        for (String userId : List.of("", "   ", "bob\u0007", "bob\nsmith", "\u202Ebob", "a\u2028b", "a\u2029b")) {
            Api.Response response = addMember(tenantId, workspaceId, userId, "EDITOR");
            assertInvalidField(response, "userId");
        }
        Api.Response missing = admin(tenantId, "olivia").post("/api/v1/workspaces/" + workspaceId + "/members",
                Map.of("role", "EDITOR"));
        assertInvalidField(missing, "userId");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aMemberWhoseIdNeedsEncodingInAPathIsAddedAtAnEncodedLocationWhereItCanBeRemoved() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response added = addMember(tenantId, workspaceId, "john doe äö?", "EDITOR");

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(
                "/api/v1/workspaces/" + workspaceId + "/members/john%20doe%20%C3%A4%C3%B6%3F");
        Api.Response removed = admin(tenantId, "olivia").delete(added.header("Location"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    }

    @Test
    void aUserIdThatCouldNotBeAddressedAsAPathSegmentIsRefusedAndNothingIsWritten() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        for (String userId : new String[] {"x/../y", "a/b", "a\\b", "a;b", "a%2Fb", ".", ".."}) {
            assertInvalidField(addMember(tenantId, workspaceId, userId, "EDITOR"), "userId");
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aMissingOrUnknownRoleIsRefusedWithAFieldError() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        long before = events.count();

        Api.Response missing = admin(tenantId, "olivia").post("/api/v1/workspaces/" + workspaceId + "/members",
                Map.of("userId", "bob"));
        Api.Response unknown = addMember(tenantId, workspaceId, "bob", "EMPEROR");

        assertInvalidField(missing, "role");
        assertInvalidField(unknown, "role");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aWorkspaceIdThatIsNoUuidIsBadInputNamingThePathVariable() {
        String tenantId = createTenant("FREE");
        long before = events.count();

        Api.Response patched = admin(tenantId, "olivia").patch("/api/v1/workspaces/not-a-uuid", Map.of("name", "X"));
        Api.Response member = admin(tenantId, "olivia").post("/api/v1/workspaces/12345/members",
                Map.of("userId", "bob", "role", "EDITOR"));
        Api.Response tenant = admin(tenantId, "olivia").post("/api/v1/tenants/nope/workspaces", Map.of("name", "X"));

        assertInvalidField(patched, "workspaceId");
        assertInvalidField(member, "workspaceId");
        assertInvalidField(tenant, "tenantId");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aWorkspaceNameThatIsBlankOrTooLongIsRefusedWithAFieldError() {
        String tenantId = createTenant("FREE");
        long before = events.count();

        Api.Response blank = admin(tenantId, "olivia").post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("name", " "));
        Api.Response tooLong = admin(tenantId, "olivia").post("/api/v1/tenants/" + tenantId + "/workspaces",
                Map.of("name", "x".repeat(101)));

        assertInvalidField(blank, "name");
        assertInvalidField(tooLong, "name");
        assertThat(events.count()).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Api admin(String tenantId, String user) {
        return api.as(tokens.tenantAdmin(tenantId, user));
    }

    private Api.Response addMember(String tenantId, String workspaceId, String userId, String role) {
        return admin(tenantId, "olivia").post("/api/v1/workspaces/" + workspaceId + "/members",
                Map.of("userId", userId, "role", role));
    }

    private long notificationsFor(String tenantId, String recipient) {
        return jdbc.queryForObject("select count(*) from notification_outbox where tenant_id = ?::uuid and recipient = ?",
                Long.class, tenantId, recipient);
    }
}
