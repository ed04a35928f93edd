package io.baseplane.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A view handler that fails because the database failed for a moment (here a deadlock, twice) parks nothing: the
 * batch is rolled back and handled again after the processor's backoff, and the view catches up by itself.
 */
class TransientViewFailuresTest extends DeadLetterTestBase {

    @Test
    void aTransientDatabaseFailureIsRetriedWithItsBatchAndNothingIsParked() {
        String name = transientlyFailingName(2);

        String workspaceId = workspace(name);

        eventually(() -> viewRow(workspaceId) != null
                && Integer.valueOf(1).equals(viewRow(workspaceId).get("member_count")));
        assertThat(PoisonedWorkspaces.failures(name)).as("failed twice, then handled").isEqualTo(2);
        assertThat(viewRow(workspaceId)).containsEntry("name", name);
        assertThat(letters(workspaceId)).isEmpty();
    }
}
