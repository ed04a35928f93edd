package io.baseplane.saga.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which executor runs a step, and what an executor that throws amounts to. */
class StepExecutorsTest {

    private final FakeStepExecutor notify = new FakeStepExecutor(StepType.NOTIFY, StepOutcome.succeeded(Map.of()));
    private final StepExecutors executors = new StepExecutors(List.of(notify), Duration.ofSeconds(30));

    @Test
    void anExecutorThatThrowsIsATechnicalFailureNamedByTheExceptionsTypeOnly() {
        notify.throwEachTime(new IllegalStateException("outbox table missing at jdbc:postgresql://db/secret"));

        StepOutcome outcome = executors.execute(StepType.NOTIFY, context(false));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).as("the saga tries again, it does not compensate").isTrue();
        assertThat(outcome.reason()).isEqualTo("step tell failed: unexpected IllegalStateException");
    }

    @Test
    void aCompensationThatThrowsIsNamedAsTheCompensation() {
        notify.throwEachTime(new IllegalStateException("boom"));

        StepOutcome outcome = executors.execute(StepType.NOTIFY, context(true));

        assertThat(outcome.technical()).isTrue();
        assertThat(outcome.reason()).isEqualTo("compensation of step tell failed: unexpected IllegalStateException");
    }

    @Test
    void aStepTypeWithoutExecutorFailsTheStepForGood() {
        StepOutcome outcome = executors.execute(StepType.HTTP_CALL, context(false));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.technical()).isFalse();
        assertThat(outcome.reason()).isEqualTo("no executor for HTTP_CALL steps");
    }

    @Test
    void outcomesKeepWhetherTheyAreTechnical() {
        assertThat(StepOutcome.unavailable(null)).extracting(StepOutcome::technical, StepOutcome::reason)
                .containsExactly(true, "unavailable");
        assertThat(StepOutcome.failed(" ")).extracting(StepOutcome::technical, StepOutcome::reason)
                .containsExactly(false, "failed");
        assertThat(StepOutcome.succeeded(Map.of("a", "b")).technical()).isFalse();
    }

    private static StepContext context(boolean compensation) {
        return new StepContext(TenantId.random(), WorkspaceId.random(), WorkflowRunId.random(), 1, "tell",
                compensation, Map.of("recipient", "ops", "message", "hi"), Duration.ofSeconds(5));
    }
}
