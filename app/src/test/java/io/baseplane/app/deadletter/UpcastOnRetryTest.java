package io.baseplane.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A parked event is stored at the revision it had when parked. Retried after a deployment that changed the event and
 * brought an upcaster, it reaches the handler upcast, as events from the event store do ({@link AgedRenameUpcaster}
 * plays that upcaster: revision 0 of a rename called the new name "title").
 */
class UpcastOnRetryTest extends DeadLetterTestBase {

    @Test
    void aParkedEventStoredAtAnOlderRevisionIsUpcastWhenRetried() {
        String workspaceId = workspace("upcast-" + UUID.randomUUID());
        eventually(() -> viewRow(workspaceId) != null);
        String newName = poisonedName();
        Api.Response renamed = api.as(tokens.tenantAdmin(tenantId, "owner"))
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", newName));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        eventually(() -> letters(workspaceId).size() == 1);
        int aged = jdbc.update("update dead_letter_entry set payload_revision = ?, payload = convert_to(("
                        + "(convert_from(payload, 'UTF8')::jsonb - 'name') || jsonb_build_object('title', "
                        + "convert_from(payload, 'UTF8')::jsonb -> 'name'))::text, 'UTF8') "
                        + "where processing_group = ? and sequence_identifier = ?",
                AgedRenameUpcaster.AGED_REVISION, VIEW, workspaceId);
        assertThat(aged).as("the parked rename, stored as an older platform wrote it").isEqualTo(1);
        PoisonedWorkspaces.heal(newName);

        Api.Response retried = operator().post("/api/v1/ops/dead-letters/retry", action("sequence", workspaceId));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("retried").asLong()).as(retried.toString()).isEqualTo(1);
        assertThat(viewRow(workspaceId)).containsEntry("name", newName);
    }
}
