package io.baseplane.saga.workflow.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.workflow.StepContext;
import io.baseplane.saga.workflow.StepOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyExecutorTest {

    private static final TenantId TENANT = TenantId.random();

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final NotifyExecutor executor = new NotifyExecutor(notifier);

    @Test
    void handsTheMessageToTheNotifierUnderTheWorkflowTopic() {
        StepOutcome outcome = executor.execute(context(Map.of("recipient", " ops@example.com ", "message", "Done")));

        assertThat(outcome).isEqualTo(StepOutcome.succeeded(Map.of("recipient", "ops@example.com")));
        assertThat(notifier.sent()).containsExactly(new Notification(TENANT, "ops@example.com", "workflow.notify", "Done"));
    }

    @Test
    void aTopicOfItsOwnIsKept() {
        executor.execute(context(Map.of("recipient", "ops", "message", "Done", "topic", "orders.placed")));

        assertThat(notifier.sent()).extracting(Notification::topic).containsExactly("orders.placed");
    }

    @Test
    void aRecipientTheOutboxCannotTakeIsARefusalNotATechnicalFailure() {
        StepOutcome outcome = executor.execute(context(Map.of("recipient", "r".repeat(256), "message", "Done")));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).isFalse();
        assertThat(outcome.reason()).startsWith("notification refused: recipient");
        assertThat(notifier.sent()).isEmpty();
    }

    private static StepContext context(Map<String, String> parameters) {
        return new StepContext(TENANT, WorkspaceId.random(), WorkflowRunId.random(), 1, "tell", false, parameters,
                Duration.ofSeconds(5));
    }
}
