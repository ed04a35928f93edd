package io.baseplane.app.deadletter;

import static io.baseplane.app.testing.Problems.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.SeparatePlatform;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * An operator evicts parked events: they are gone for good, the view never sees them, and the eviction is recorded
 * with who and why. One entry may be evicted alone, while a retry takes a sequence only from its first entry on.
 *
 * <p>A platform of its own: an evicted event stays in the event store, so a rebuild of the view from the store (which
 * a test of the shared platform does) would bring back what these tests evicted.
 */
@ContextConfiguration(initializers = SeparatePlatform.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadLetterEvictionTest extends DeadLetterTestBase {

    private static final String RETRY = "/api/v1/ops/dead-letters/retry";
    private static final String EVICT = "/api/v1/ops/dead-letters/evict";

    @Test
    void evictionDropsTheParkedEventsForGoodAndRecordsWhoAndWhy() {
        String workspaceId = parkedWorkspace();

        Api.Response evicted = operator().post(EVICT, action("sequence", workspaceId));

        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
        assertThat(evicted.json().get("evicted").asLong()).isEqualTo(2);
        assertThat(letters(workspaceId)).isEmpty();
        assertThat(viewRow(workspaceId)).isNull();
        assertThat(actionsOn(workspaceId)).singleElement().satisfies(action -> {
            assertThat(action.get("payload_type")).isEqualTo("io.baseplane.kernel.ops.DeadLettersEvicted");
            JsonNode payload = json(action.get("payload"));
            assertThat(payload.get("processor").asText()).isEqualTo(VIEW);
            assertThat(payload.get("scope").asText()).isEqualTo("sequence");
            assertThat(payload.get("evicted").asLong()).isEqualTo(2);
            assertThat(payload.get("reason").asText()).isEqualTo(REASON);
            JsonNode metaData = json(action.get("meta_data"));
            assertThat(metaData.get("userId").asText()).isEqualTo("operator");
            assertThat(metaData.get("causationId").asText()).isEqualTo(evicted.header("X-Correlation-Id"));
        });
    }

    @Test
    void anEntryIsRetriedOnlyFromTheHeadOfItsSequenceButMayBeEvictedAlone() {
        String name = poisonedName();
        String workspaceId = workspace(name);
        eventually(() -> letters(workspaceId).size() == 2);
        String failed = (String) letters(workspaceId).get(0).get("dead_letter_id");
        String behind = (String) letters(workspaceId).get(1).get("dead_letter_id");

        assertRuleViolation(operator().post(RETRY, action("entry", behind)), "dead-letters.not-first");
        Api.Response evicted = operator().post(EVICT, action("entry", failed));

        assertThat(evicted.json().get("evicted").asLong()).as(evicted.toString()).isEqualTo(1);
        assertThat(letters(workspaceId)).extracting(letter -> letter.get("dead_letter_id")).containsExactly(behind);
        Api.Response listed = operator().get("/api/v1/ops/dead-letters?processor=" + VIEW);
        JsonNode waiting = null;
        for (JsonNode group : listed.json().get("groups")) {
            if (group.path("sample").path("entryId").asText().equals(behind)) {
                waiting = group;
            }
        }
        assertThat(waiting).as("a sequence without a failure is listed too: " + listed).isNotNull();
        assertThat(waiting.get("exceptionType").isNull()).isTrue();
        assertThat(waiting.get("message").asText()).startsWith("no failure recorded");

        Api.Response retried = operator().post(RETRY, action("entry", behind));
        assertThat(retried.json().get("retried").asLong()).as(retried.toString()).isEqualTo(1);
        assertThat(letters(workspaceId)).isEmpty();
    }
}
