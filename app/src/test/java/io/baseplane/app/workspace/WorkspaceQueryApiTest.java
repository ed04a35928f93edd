package io.baseplane.app.workspace;

import static io.baseplane.app.testing.Problems.assertInvalidField;
import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The workspace queries over HTTP against the real stores: commands become visible in the view (read your
 * writes with {@code X-Min-Version}, no sleeping), lists page in a stable order and filter, and bad input is
 * refused with per-field errors.
 */
class WorkspaceQueryApiTest extends PlatformTestBase {

    // ---- command -> view ----------------------------------------------------------------------------

    @Test
    void aProvisionedWorkspaceIsVisibleWithItsOwnerAndItsVersionAsETag() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        // Created is version 0, the owner joining version 1.
        Api.Response read = admin(tenantId).header("X-Min-Version", "1").get("/api/v1/workspaces/" + workspaceId);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode view = read.json();
        assertThat(view.get("id").asText()).isEqualTo(workspaceId);
        assertThat(view.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(view.get("name").asText()).isEqualTo("Design");
        assertThat(view.get("description").asText()).isEqualTo("for tests");
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("memberCount").asInt()).isEqualTo(1);
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(view.get("members")).hasSize(1);
        assertThat(view.at("/members/0/userId").asText()).isEqualTo("olivia");
        assertThat(view.at("/members/0/role").asText()).isEqualTo("OWNER");
        Instant createdAt = Instant.parse(view.get("createdAt").asText());
        Instant lastActiveAt = Instant.parse(view.get("lastActiveAt").asText());
        assertThat(Instant.parse(view.at("/members/0/since").asText())).isEqualTo(lastActiveAt);
        assertThat(lastActiveAt).isAfterOrEqualTo(createdAt);
        assertThat(createdAt).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void eachCommandIsReadBackAtTheVersionItsETagNamed() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String path = "/api/v1/workspaces/" + workspaceId;

        JsonNode afterAdd = readYourWrite(tenantId, path,
                admin(tenantId).post(path + "/members", Map.of("userId", "bob", "role", "EDITOR")));
        assertThat(afterAdd.get("memberCount").asInt()).isEqualTo(2);
        assertThat(afterAdd.get("members").findValuesAsText("userId")).containsExactly("olivia", "bob");

        JsonNode afterRename = readYourWrite(tenantId, path,
                admin(tenantId).patch(path, Map.of("name", "Design Ops", "description", "ops too")));
        assertThat(afterRename.get("name").asText()).isEqualTo("Design Ops");
        assertThat(afterRename.get("description").asText()).isEqualTo("ops too");

        JsonNode afterRole = readYourWrite(tenantId, path,
                admin(tenantId).put(path + "/members/bob", Map.of("role", "ADMIN")));
        assertThat(afterRole.get("members").findValuesAsText("role")).containsExactly("OWNER", "ADMIN");

        JsonNode afterRemove = readYourWrite(tenantId, path, admin(tenantId).delete(path + "/members/bob"));
        assertThat(afterRemove.get("memberCount").asInt()).isEqualTo(1);
        assertThat(afterRemove.get("members").findValuesAsText("userId")).containsExactly("olivia");

        JsonNode afterArchive = readYourWrite(tenantId, path, admin(tenantId).post(path + "/archive", null));
        assertThat(afterArchive.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(Instant.parse(afterArchive.get("lastActiveAt").asText()))
                .isAfter(Instant.parse(afterArchive.get("createdAt").asText()));
    }

    @Test
    void aMemberOfTheTenantAndAnOperatorMayReadTheWorkspaceToo() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response asMember = api.as(tokens.member(tenantId, "mia")).header("X-Min-Version", "1")
                .get("/api/v1/workspaces/" + workspaceId);
        Api.Response asOperator = api.as(tokens.operator()).header("X-Min-Version", "1")
                .get("/api/v1/workspaces/" + workspaceId);

        assertThat(asMember.status()).as(asMember.toString()).isEqualTo(200);
        assertThat(asOperator.status()).as(asOperator.toString()).isEqualTo(200);
        assertThat(asOperator.json()).isEqualTo(asMember.json());
    }

    @Test
    void aWorkspaceWithoutMembersYetHasAnEmptyListAndADiscardedOneIsNotFound() {
        String tenantId = createTenant("FREE");
        String fresh = viewRow(tenantId, "ACTIVE");
        String discarded = viewRow(tenantId, "DISCARDED");
        try {
            Api.Response read = admin(tenantId).get("/api/v1/workspaces/" + fresh);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("members")).isEmpty();
            assertThat(read.json().get("memberCount").asInt()).isZero();

            JsonNode gone = assertProblem(admin(tenantId).get("/api/v1/workspaces/" + discarded), 404);
            JsonNode unknown = assertProblem(admin(tenantId).get("/api/v1/workspaces/" + UUID.randomUUID()), 404);
            assertThat(gone.get("type")).isEqualTo(unknown.get("type"));
            assertThat(gone.get("title")).isEqualTo(unknown.get("title"));
            assertThat(gone.toString()).doesNotContainIgnoringCase("discard");
        } finally {
            // Rows no event made: a replay of the shared database (ReadModelReplayTest) would not make them again.
            jdbc.update("delete from workspace_view where workspace_id in (?::uuid, ?::uuid)", fresh, discarded);
        }
    }

    /** A view row as the projector leaves it: created with no member yet, or discarded (members removed). */
    private String viewRow(String tenantId, String status) {
        String workspaceId = UUID.randomUUID().toString();
        jdbc.update("insert into workspace_view (workspace_id, tenant_id, name, description, status, member_count, "
                + "created_at, last_active_at, version) values (?::uuid, ?::uuid, ?, '', ?, 0, now(), now(), 0)",
                workspaceId, tenantId, "View " + workspaceId, status);
        return workspaceId;
    }

    // ---- read your writes ---------------------------------------------------------------------------

    @Test
    void aVersionTheViewDoesNotReachInTimeIs503WithRetryAfter() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response waited = admin(tenantId).header("X-Min-Version", "1000").get("/api/v1/workspaces/" + workspaceId);

        JsonNode problem = assertProblem(waited, 503);
        assertThat(problem.get("type").asText()).endsWith("/view-not-caught-up");
        assertThat(waited.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(waited.header("Retry-After"))).isPositive();
    }

    @Test
    void aMinimumVersionThatIsNotANumberIsRefused() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        assertInvalidField(admin(tenantId).header("X-Min-Version", "latest").get("/api/v1/workspaces/" + workspaceId),
                "X-Min-Version");
        assertInvalidField(admin(tenantId).header("X-Min-Version", "-1").get("/api/v1/workspaces/" + workspaceId),
                "X-Min-Version");
    }

    // ---- not found and bad input ---------------------------------------------------------------------

    @Test
    void anUnknownWorkspaceIs404AndAMalformedIdIs400() {
        String tenantId = createTenant("FREE");
        String unknown = UUID.randomUUID().toString();

        assertProblem(admin(tenantId).get("/api/v1/workspaces/" + unknown), 404);
        assertProblem(admin(tenantId).get("/api/v1/workspaces/" + unknown + "/members"), 404);
        assertInvalidField(admin(tenantId).get("/api/v1/workspaces/not-a-uuid"), "workspaceId");
        assertInvalidField(admin(tenantId).get("/api/v1/workspaces/not-a-uuid/members"), "workspaceId");
        assertInvalidField(admin(tenantId).get("/api/v1/tenants/not-a-uuid/workspaces"), "tenantId");
    }

    @Test
    void queriesNeedAToken() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        assertProblem(api.get("/api/v1/workspaces/" + workspaceId), 401);
        assertProblem(api.get("/api/v1/tenants/" + tenantId + "/workspaces"), 401);
    }

    // ---- lists: paging, order, filters ---------------------------------------------------------------

    @Test
    void aTenantsWorkspacesArePagedInAStableOrderWithDisjointPages() {
        String tenantId = createTenant("ENTERPRISE");
        List<String> created = new ArrayList<>(List.of(defaultWorkspaceOf(tenantId)));
        for (int i = 1; i <= 7; i++) {
            created.add(provisionWorkspace(tenantId, "olivia", "Space " + i));
        }
        awaitViews(tenantId, created, 7);

        List<JsonNode> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Api.Response answer = admin(tenantId)
                    .get("/api/v1/tenants/" + tenantId + "/workspaces?size=3&page=" + page);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(3);
            assertThat(body.get("totalItems").asLong()).isEqualTo(8);
            assertThat(body.get("items")).hasSize(page < 2 ? 3 : 2);
            body.get("items").forEach(seen::add);
        }
        Api.Response beyond = admin(tenantId).get("/api/v1/tenants/" + tenantId + "/workspaces?size=3&page=3");
        assertThat(beyond.json().get("items")).isEmpty();

        List<String> ids = seen.stream().map(item -> item.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        Comparator<JsonNode> stableOrder = Comparator
                .comparing((JsonNode item) -> Instant.parse(item.get("createdAt").asText()))
                .thenComparing(item -> UUID.fromString(item.get("id").asText()));
        assertThat(seen).isSortedAccordingTo(stableOrder);
        assertThat(seen).allSatisfy(item -> {
            assertThat(item.get("tenantId").asText()).isEqualTo(tenantId);
            assertThat(item.get("memberCount").asInt()).isEqualTo(1);
            assertThat(item.get("version").asLong()).isEqualTo(1);
            assertThat(item.has("members")).as("a list shows summaries").isFalse();
        });

        // The same pages again are the same: the order does not depend on chance.
        List<String> again = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            admin(tenantId).get("/api/v1/tenants/" + tenantId + "/workspaces?size=3&page=" + page).json()
                    .get("items").forEach(item -> again.add(item.get("id").asText()));
        }
        assertThat(again).isEqualTo(ids);
        // One big page holds them all, in that order; the default size is 50.
        assertThat(ids(admin(tenantId).get("/api/v1/tenants/" + tenantId + "/workspaces?size=200"))).isEqualTo(ids);
        assertThat(admin(tenantId).get("/api/v1/tenants/" + tenantId + "/workspaces").json().get("size").asInt())
                .isEqualTo(50);
    }

    @Test
    void membersArePagedLongestStandingFirst() {
        String tenantId = createTenant("TEAM");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String path = "/api/v1/workspaces/" + workspaceId;
        Api.Response last = null;
        for (int i = 1; i <= 6; i++) {
            last = admin(tenantId).post(path + "/members", Map.of("userId", "user-" + i, "role", "VIEWER"));
            assertThat(last.status()).as(last.toString()).isEqualTo(201);
        }
        readYourWrite(tenantId, path, last);

        List<JsonNode> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Api.Response answer = admin(tenantId).get(path + "/members?size=3&page=" + page);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("totalItems").asLong()).isEqualTo(7);
            answer.json().get("items").forEach(seen::add);
        }

        assertThat(seen).extracting(member -> member.get("userId").asText())
                .containsExactly("olivia", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6");
        assertThat(seen.get(0).get("role").asText()).isEqualTo("OWNER");
        assertThat(seen).isSortedAccordingTo(Comparator
                .comparing((JsonNode member) -> Instant.parse(member.get("since").asText()))
                .thenComparing(member -> member.get("userId").asText()));
    }

    @Test
    void listsFilterByStatusAndByPartOfTheNameIgnoringCase() {
        String tenantId = createTenant("TEAM");
        String alpha = provisionWorkspace(tenantId, "olivia", "Design Alpha");
        String beta = provisionWorkspace(tenantId, "olivia", "design beta");
        String marketing = provisionWorkspace(tenantId, "olivia", "Marketing 100%");
        awaitViews(tenantId, List.of(alpha, beta, marketing), 3);
        readYourWrite(tenantId, "/api/v1/workspaces/" + beta,
                admin(tenantId).post("/api/v1/workspaces/" + beta + "/archive", null));
        String list = "/api/v1/tenants/" + tenantId + "/workspaces";

        assertThat(ids(admin(tenantId).get(list + "?status=ARCHIVED"))).containsExactly(beta);
        assertThat(ids(admin(tenantId).get(list + "?status=active")))
                .containsExactly(defaultWorkspaceOf(tenantId), alpha, marketing);
        assertThat(ids(admin(tenantId).get(list + "?q=DESIGN"))).containsExactly(alpha, beta);
        assertThat(ids(admin(tenantId).get(list + "?q=%20alpha%20"))).containsExactly(alpha);
        assertThat(ids(admin(tenantId).get(list + "?q=design&status=ACTIVE"))).containsExactly(alpha);
        // LIKE's wildcards are plain characters in a search.
        assertThat(ids(admin(tenantId).get(list + "?q=%25"))).containsExactly(marketing);
        assertThat(ids(admin(tenantId).get(list + "?q=_"))).isEmpty();
        assertThat(ids(admin(tenantId).get(list + "?q=nothing-like-it"))).isEmpty();
        assertThat(admin(tenantId).get(list + "?q=DESIGN").json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void badPagingAndFiltersAreRefusedWithFieldErrors() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        awaitViews(tenantId, List.of(workspaceId), 1);
        String list = "/api/v1/tenants/" + tenantId + "/workspaces";
        String members = "/api/v1/workspaces/" + workspaceId + "/members";

        assertInvalidField(admin(tenantId).get(list + "?size=201"), "size");
        assertInvalidField(admin(tenantId).get(list + "?size=0"), "size");
        assertInvalidField(admin(tenantId).get(list + "?page=-1"), "page");
        assertInvalidField(admin(tenantId).get(list + "?page=first"), "page");
        assertInvalidField(admin(tenantId).get(list + "?size=many"), "size");
        assertInvalidField(admin(tenantId).get(list + "?status=GONE"), "status");
        assertInvalidField(admin(tenantId).get(list + "?status=DISCARDED"), "status");
        assertInvalidField(admin(tenantId).get(list + "?q=" + "x".repeat(101)), "q");
        assertInvalidField(admin(tenantId).get(members + "?size=201"), "size");
        assertInvalidField(admin(tenantId).get(members + "?page=-1"), "page");
        assertThat(admin(tenantId).get(list + "?size=200").status()).isEqualTo(200);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Api admin(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    /** Reads the view at the version the command's ETag names, as a client that just wrote would. */
    private JsonNode readYourWrite(String tenantId, String path, Api.Response command) {
        assertThat(command.status()).as(command.toString()).isBetween(200, 201);
        String version = command.header("ETag").replace("\"", "");
        Api.Response read = admin(tenantId).header("X-Min-Version", version).get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(command.header("ETag"));
        return read.json();
    }

    /** Waits (bounded, through read-your-writes) until the tenant and its provisioned workspaces are in the views. */
    private void awaitViews(String tenantId, List<String> workspaceIds, int reservations) {
        Api.Response tenant = admin(tenantId).header("X-Min-Version", Long.toString(ONBOARDED_VERSION + reservations))
                .get("/api/v1/tenants/" + tenantId);
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(200);
        for (String workspaceId : workspaceIds) {
            Api.Response workspace = admin(tenantId).header("X-Min-Version", "1")
                    .get("/api/v1/workspaces/" + workspaceId);
            assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
        }
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("items").spliterator(), false)
                .map(item -> item.get("id").asText()).toList();
    }
}
