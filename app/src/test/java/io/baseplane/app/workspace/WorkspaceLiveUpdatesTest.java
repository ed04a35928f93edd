package io.baseplane.app.workspace;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/workspaces/{id}/updates}: an Axon subscription query as Server-Sent Events, read by a
 * real HTTP client. The client gets the current view, then the view after each change; when it goes away
 * its subscription is released.
 */
class WorkspaceLiveUpdatesTest extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private QueryUpdateEmitter updateEmitter;

    @Test
    void aClientGetsTheViewNowThenEachChangeAndReleasesItsSubscriptionWhenItLeaves() throws IOException {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String path = "/api/v1/workspaces/" + workspaceId;
        assertThat(admin(tenantId).header("X-Min-Version", "1").get(path).status()).isEqualTo(200);

        try (EventStream stream = EventStream.open(port, path + "/updates", tokens.tenantAdmin(tenantId, "olivia"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).contains("no-store");

            EventStream.Event initial = stream.next(WAIT);
            assertThat(initial.name()).isEqualTo("workspace");
            assertThat(initial.id()).isEqualTo("1");
            JsonNode now = JSON.readTree(initial.data());
            assertThat(now.get("id").asText()).isEqualTo(workspaceId);
            assertThat(now.get("version").asLong()).isEqualTo(1);
            assertThat(now.get("members").findValuesAsText("userId")).containsExactly("olivia");
            assertThat(subscriptionsTo(workspaceId)).isEqualTo(1);

            Api.Response added = admin(tenantId).post(path + "/members", Map.of("userId", "bob", "role", "EDITOR"));
            assertThat(added.header("ETag")).isEqualTo("\"2\"");
            EventStream.Event update = stream.next(WAIT);
            assertThat(update.id()).isEqualTo("2");
            JsonNode changed = JSON.readTree(update.data());
            assertThat(changed.get("version").asLong()).isEqualTo(2);
            assertThat(changed.get("memberCount").asInt()).isEqualTo(2);
            assertThat(changed.get("members").findValuesAsText("userId")).containsExactly("olivia", "bob");

            admin(tenantId).patch(path, Map.of("name", "Design Ops"));
            JsonNode renamed = JSON.readTree(stream.next(WAIT).data());
            assertThat(renamed.get("version").asLong()).isEqualTo(3);
            assertThat(renamed.get("name").asText()).isEqualTo("Design Ops");

            // An idle stream keeps sending heartbeats (every 200 ms in the tests).
            eventually(() -> stream.commentsSeen() >= 2);
        }

        // The client went away: the next heartbeat finds out, and the subscription is gone.
        eventually(() -> subscriptionsTo(workspaceId) == 0);
    }

    @Test
    void eachOfSeveralClientsGetsTheChanges() throws IOException {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String path = "/api/v1/workspaces/" + workspaceId;
        assertThat(admin(tenantId).header("X-Min-Version", "1").get(path).status()).isEqualTo(200);

        try (EventStream first = EventStream.open(port, path + "/updates", tokens.tenantAdmin(tenantId, "olivia"));
             EventStream second = EventStream.open(port, path + "/updates", tokens.member(tenantId, "mia"))) {
            assertThat(first.next(WAIT).id()).isEqualTo("1");
            assertThat(second.next(WAIT).id()).isEqualTo("1");
            assertThat(subscriptionsTo(workspaceId)).isEqualTo(2);

            admin(tenantId).post(path + "/archive", null);

            assertThat(JSON.readTree(first.next(WAIT).data()).get("status").asText()).isEqualTo("ARCHIVED");
            assertThat(JSON.readTree(second.next(WAIT).data()).get("status").asText()).isEqualTo("ARCHIVED");
        }
        eventually(() -> subscriptionsTo(workspaceId) == 0);
    }

    @Test
    void anUnknownWorkspaceIs404AndLeavesNoSubscriptionBehind() {
        String tenantId = createTenant("FREE");
        String unknown = UUID.randomUUID().toString();

        EventStream stream = EventStream.open(port, "/api/v1/workspaces/" + unknown + "/updates",
                tokens.tenantAdmin(tenantId, "olivia"));

        assertThat(stream.status()).isEqualTo(404);
        assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stream.body()).contains("not-found");
        assertThat(subscriptionsTo(unknown)).isZero();
    }

    @Test
    void aStreamNeedsAToken() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        EventStream stream = EventStream.open(port, "/api/v1/workspaces/" + workspaceId + "/updates", null);

        assertThat(stream.status()).isEqualTo(401);
        assertProblem(new Api.Response(stream.status(), Map.of("Content-Type",
                java.util.List.of(stream.header("Content-Type"))), stream.body()), 401);
    }

    private Api admin(String tenantId) {
        return api.as(tokens.tenantAdmin(tenantId, "olivia"));
    }

    private long subscriptionsTo(String workspaceId) {
        return updateEmitter.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof FindWorkspaceQuery query
                        && query.workspaceId().toString().equals(workspaceId))
                .count();
    }
}
