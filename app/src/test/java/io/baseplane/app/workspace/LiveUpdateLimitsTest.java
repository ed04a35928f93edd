package io.baseplane.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SeparatePlatform;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Live-update streams are capped per caller and per tenant (here 2 and 3): one more is 429 problem+json with
 * {@code Retry-After}, and a closed stream gives its place back. A platform of its own, for the small caps.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"baseplane.query.live-updates-per-caller=2", "baseplane.query.live-updates-per-tenant=3"})
class LiveUpdateLimitsTest extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aCallerAndATenantHoldOnlyTheirShareOfStreamsAndAClosedOneGivesItsPlaceBack() throws Exception {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String updates = "/api/v1/workspaces/" + workspaceId + "/updates";
        String olivia = tokens.tenantAdmin(tenantId, "olivia");
        String bob = tokens.member(tenantId, "bob");
        // The view exists before anyone subscribes to it.
        assertThat(api.as(olivia).header("X-Min-Version", "1").get("/api/v1/workspaces/" + workspaceId).status())
                .isEqualTo(200);

        try (EventStream first = EventStream.open(port, updates, olivia);
             EventStream second = EventStream.open(port, updates, olivia);
             EventStream third = EventStream.open(port, updates, olivia)) {
            assertThat(first.next(WAIT).name()).isEqualTo("workspace");
            assertThat(second.next(WAIT).name()).isEqualTo("workspace");
            assertRefused(third);

            try (EventStream bobs = EventStream.open(port, updates, bob);
                 EventStream bobsSecond = EventStream.open(port, updates, bob)) {
                assertThat(bobs.next(WAIT).name()).isEqualTo("workspace");
                assertRefused(bobsSecond); // the tenant's three are taken, bob's own share is not
            }
        }

        // Closed streams gave their places back (a heartbeat finds each client gone).
        eventually(() -> {
            try (EventStream again = EventStream.open(port, updates, olivia)) {
                return again.status() == 200;
            }
        });
    }

    private static void assertRefused(EventStream stream) throws Exception {
        assertThat(stream.status()).isEqualTo(429);
        assertThat(stream.header("Retry-After")).isEqualTo("30");
        assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(stream.body()).get("type").asText()).endsWith("/too-many-requests");
    }
}
