package io.baseplane.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.testing.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A view handler that keeps failing on a workspace parks that workspace's events in the workspace view's dead-letter
 * queue while the view goes on with the other workspaces; operators see the failure grouped and retry it once fixed,
 * and each retry is recorded with who and why. (Evictions: {@link DeadLetterEvictionTest}.)
 */
class ViewDeadLettersTest extends DeadLetterTestBase {

    private static final String RETRY = "/api/v1/ops/dead-letters/retry";

    @Autowired
    private DeadLetters deadLetters;

    @Test
    void aWorkspaceTheViewKeepsFailingOnIsParkedWhileLaterWorkspacesAreStillProjected() {
        String name = poisonedName();
        String poisoned = workspace(name);
        String healthy = workspaceBeside(poisoned, "healthy-" + UUID.randomUUID());

        eventually(() -> viewRow(healthy) != null);
        eventually(() -> letters(poisoned).size() == 2);
        assertThat(viewRow(poisoned)).as("nothing of the parked workspace reached the view").isNull();
        List<Map<String, Object>> letters = letters(poisoned);
        assertThat(letters).extracting(letter -> simpleName(letter.get("payload_type")))
                .containsExactly("WorkspaceCreated", "MemberAdded");
        assertThat(letters.get(0)).containsEntry("cause_type", "java.lang.IllegalStateException");
        assertThat(letters.get(1).get("cause_type")).as("parked behind the failed event, not failed").isNull();
        assertThat(PoisonedWorkspaces.failures(name)).as("a parked event is not handled again").isEqualTo(1);
        assertThat(letters(healthy)).isEmpty();
    }

    @Test
    void failuresThatDifferOnlyInIdsAndNamesFormOneGroupWithCountsTimesAndASample() {
        String first = parkedWorkspace();
        String second = parkedWorkspace();

        JsonNode group = poisonGroup();
        assertThat(group).as("the poisoned workspaces' group").isNotNull();
        assertThat(group.get("processor").asText()).isEqualTo(VIEW);
        assertThat(group.get("group").asText()).matches("[0-9a-f]{12}");
        assertThat(group.get("exceptionType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(group.get("count").asLong()).as("two events of each workspace").isEqualTo(4);
        assertThat(group.get("sequences").asLong()).isEqualTo(2);
        assertThat(Instant.parse(group.get("firstAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(group.get("lastAt").asText()));
        JsonNode sample = group.get("sample");
        Map<String, Object> failed = letters(first).get(0);
        assertThat(sample.get("entryId").asText()).as("the first parked failure")
                .isEqualTo(failed.get("dead_letter_id"));
        assertThat(sample.get("sequence").asText()).isEqualTo(first);
        assertThat(sample.get("eventType").asText()).isEqualTo("io.baseplane.kernel.workspace.WorkspaceCreated");
        assertThat(sample.get("aggregateId").asText()).isEqualTo(first);
        assertThat(sample.get("sequenceNumber").asLong()).isZero();
        assertThat(sample.get("globalIndex").asLong()).isEqualTo(jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                Long.class, first));
        assertThat(sample.get("payload").get("workspaceId").asText()).isEqualTo(first);
        assertThat(sample.get("payload").get("name").asText()).startsWith("poison-");

        Api.Response filtered = operator().get("/api/v1/ops/dead-letters?processor=" + VIEW + "&group="
                + group.get("group").asText());
        assertThat(filtered.json().get("groups")).singleElement().isEqualTo(group);
        assertThat(letters(second)).hasSize(2);
    }

    @Test
    void theParkedCountIsAMetricTheProcessorsListingAndAMethodOtherCodeCalls() {
        parkedWorkspace();
        long parked = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?",
                Long.class, VIEW);

        assertThat(deadLetters.count(VIEW)).isEqualTo(parked).isGreaterThanOrEqualTo(2);
        assertThat(deadLetters.count("TenantOnboardingSagaProcessor")).as("sagas park their own way").isZero();
        Api.Response metrics = operator().get("/actuator/prometheus");
        assertThat(metrics.body()).contains("baseplane_dead_letters{processor=\"" + VIEW + "\"} " + parked + ".0")
                .contains("baseplane_dead_letters{processor=\"tenant-view\"}");
        assertThat(operator().get("/api/v1/ops/processors/" + VIEW).json().get("deadLetters").asLong())
                .isEqualTo(parked);
    }

    @Test
    void aRetryBeforeTheFixLeavesTheEventsParkedAndOneAfterItDrainsThemIntoTheView() {
        String name = poisonedName();
        String workspaceId = workspace(name);
        eventually(() -> letters(workspaceId).size() == 2);
        String group = poisonGroup().get("group").asText();
        Instant lastFailed = Instant.parse(poisonGroup().get("lastAt").asText());

        Api.Response tooEarly = operator().post(RETRY, action("sequence", workspaceId));
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(200);
        assertThat(tooEarly.json().get("retried").asLong()).isZero();
        assertThat(tooEarly.json().get("remaining").asLong()).isEqualTo(2);
        assertThat(PoisonedWorkspaces.failures(name)).as("the retry ran the handler again").isEqualTo(2);
        assertThat(viewRow(workspaceId)).as("the failed attempt left nothing behind").isNull();
        JsonNode failedAgain = poisonGroup();
        assertThat(failedAgain.get("group").asText()).as("failed again the same way: the same group").isEqualTo(group);
        assertThat(Instant.parse(failedAgain.get("lastAt").asText())).as("when it last failed").isAfter(lastFailed);

        PoisonedWorkspaces.heal(name);
        Api.Response fixed = operator().post(RETRY, action("group", group));

        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().get("retried").asLong()).isEqualTo(2);
        assertThat(fixed.json().get("remaining").asLong()).isZero();
        assertThat(letters(workspaceId)).isEmpty();
        assertThat(viewRow(workspaceId)).containsEntry("name", name).containsEntry("member_count", 1);
        assertThat(poisonGroup()).isNull();
        List<Map<String, Object>> recorded = actionsOn(workspaceId);
        assertThat(recorded).singleElement().satisfies(action -> {
            assertThat(action.get("payload_type")).isEqualTo("io.baseplane.kernel.ops.DeadLettersRetried");
            JsonNode payload = json(action.get("payload"));
            assertThat(payload.get("scope").asText()).isEqualTo("sequence");
            assertThat(payload.get("retried").asLong()).isZero();
        });
        assertThat(actionsOn(group)).singleElement().satisfies(action -> {
            JsonNode payload = json(action.get("payload"));
            assertThat(payload.get("processor").asText()).isEqualTo(VIEW);
            assertThat(payload.get("scope").asText()).isEqualTo("group");
            assertThat(payload.get("retried").asLong()).isEqualTo(2);
            assertThat(payload.get("remaining").asLong()).isZero();
            assertThat(payload.get("reason").asText()).isEqualTo(REASON);
            JsonNode metaData = json(action.get("meta_data"));
            assertThat(metaData.get("userId").asText()).isEqualTo("operator");
            assertThat(metaData.get("correlationId").asText()).isEqualTo(fixed.header("X-Correlation-Id"));
            assertThat(metaData.has("roles")).isFalse();
        });
    }

    private static String simpleName(Object type) {
        String name = type.toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
