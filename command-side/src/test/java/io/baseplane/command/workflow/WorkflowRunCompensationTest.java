package io.baseplane.command.workflow;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.workflow.Samples.AS_SYSTEM;
import static io.baseplane.command.workflow.Samples.RUN;
import static io.baseplane.command.workflow.Samples.STEPS;
import static io.baseplane.command.workflow.Samples.TENANT;
import static io.baseplane.command.workflow.Samples.WORKFLOW;
import static io.baseplane.command.workflow.Samples.WORKSPACE;
import static io.baseplane.command.workflow.Samples.runStarted;
import static io.baseplane.command.workflow.WorkflowRunTest.failed;
import static io.baseplane.command.workflow.WorkflowRunTest.started;
import static io.baseplane.command.workflow.WorkflowRunTest.succeededUpTo;

import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStarted;
import io.baseplane.kernel.workflow.MarkCompensationFailedCommand;
import io.baseplane.kernel.workflow.MarkStepCompensatedCommand;
import io.baseplane.kernel.workflow.StepCompensated;
import io.baseplane.kernel.workflow.StepCompensationFailed;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undoing a run. In the sample workflow steps 0 (reserve) and 2 (upsert) define a compensation, steps 1
 * (delay) and 3 (notify) have nothing to undo.
 */
class WorkflowRunCompensationTest {

    private static final String REASON = "step 3 failed: HTTP 500 three times";

    private FixtureConfiguration<WorkflowRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkflowRun.class);
    }

    /** Steps 0-2 succeeded, step 3 failed, compensation of 2 then 0 began. */
    private static List<Object> compensating() {
        List<Object> events = failedAtStep3();
        events.add(compensationStarted(List.of(2, 0)));
        return events;
    }

    private static List<Object> failedAtStep3() {
        return succeededUpTo(3, started(3), failed(3));
    }

    private static CompensationStarted compensationStarted(List<Integer> steps) {
        return new CompensationStarted(RUN, WORKFLOW, TENANT, WORKSPACE, REASON, steps);
    }

    private static StepCompensated compensated(int index) {
        return new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name());
    }

    private static WorkflowRunCompensated runCompensated() {
        return new WorkflowRunCompensated(RUN, WORKFLOW, TENANT, WORKSPACE);
    }

    @Test
    void compensatesTheSucceededStepsThatDefineOneInReverseOrder() {
        fixture.given(failedAtStep3())
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectEvents(compensationStarted(List.of(2, 0)));
    }

    @Test
    void undoesTheLatestSucceededStepFirst() {
        fixture.given(compensating())
                .when(new MarkStepCompensatedCommand(RUN, 2), AS_SYSTEM)
                .expectEvents(compensated(2));
    }

    @Test
    void endsTheRunCompensatedWhenTheLastStepIsUndone() {
        List<Object> events = compensating();
        events.add(compensated(2));
        fixture.given(events)
                .when(new MarkStepCompensatedCommand(RUN, 0), AS_SYSTEM)
                .expectEvents(compensated(0), runCompensated());
    }

    @Test
    void endsARunWhoseFirstStepFailedFailedAtOnceWithNothingCompensated() {
        fixture.given(runStarted(), started(0), failed(0))
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectEvents(new WorkflowRunFailed(RUN, WORKFLOW, TENANT, WORKSPACE, REASON));
    }

    @Test
    void endsARunAbortedBeforeAnyUndoableStepSucceededFailed() {
        fixture.given(runStarted())
                .when(new BeginCompensationCommand(RUN, "aborted by an operator"), AS_SYSTEM)
                .expectEvents(new WorkflowRunFailed(RUN, WORKFLOW, TENANT, WORKSPACE, "aborted by an operator"));
    }

    @Test
    void refusesEverythingOnceARunEndedFailed() {
        fixture.given(runStarted(), started(0), failed(0),
                        new WorkflowRunFailed(RUN, WORKFLOW, TENANT, WORKSPACE, REASON))
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.finished"));
    }

    @Test
    void abortsARunningRunBetweenSteps() {
        fixture.given(succeededUpTo(1))
                .when(new BeginCompensationCommand(RUN, "aborted by an operator"), AS_SYSTEM)
                .expectEvents(new CompensationStarted(RUN, WORKFLOW, TENANT, WORKSPACE, "aborted by an operator", List.of(0)));
    }

    @Test
    void refusesToBeginCompensationWhileAStepRuns() {
        fixture.given(succeededUpTo(1, started(1)))
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-running"));
    }

    @Test
    void refusesToBeginCompensationTwice() {
        fixture.given(compensating())
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.compensating"));
    }

    @Test
    void refusesCompensationWithoutReason() {
        fixture.given(failedAtStep3())
                .when(new BeginCompensationCommand(RUN, null), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("reason"));
    }

    @Test
    void refusesToUndoAnEarlierStepBeforeALaterOne() {
        fixture.given(compensating())
                .when(new MarkStepCompensatedCommand(RUN, 0), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.compensation-order"));
    }

    @Test
    void refusesToUndoAStepWithoutCompensation() {
        fixture.given(compensating())
                .when(new MarkStepCompensatedCommand(RUN, 1), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.compensation-order"));
    }

    @Test
    void refusesToUndoTheStepThatFailed() {
        fixture.given(compensating())
                .when(new MarkStepCompensatedCommand(RUN, 3), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.compensation-order"));
    }

    @Test
    void refusesToUndoAStepBeforeCompensationBegan() {
        fixture.given(failedAtStep3())
                .when(new MarkStepCompensatedCommand(RUN, 2), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.not-compensating"));
    }

    @Test
    void endsTheRunCompensationFailedWhenAnUndoFails() {
        fixture.given(compensating())
                .when(new MarkCompensationFailedCommand(RUN, 2, "record is locked"), AS_SYSTEM)
                .expectEvents(new StepCompensationFailed(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "Record order", "record is locked"));
    }

    @Test
    void refusesAnythingOnceCompensated() {
        List<Object> events = compensating();
        events.add(compensated(2));
        events.add(compensated(0));
        events.add(runCompensated());
        fixture.given(events)
                .when(new BeginCompensationCommand(RUN, REASON), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.finished"));
    }

    @Test
    void refusesAnythingOnceACompensationFailed() {
        List<Object> events = compensating();
        events.add(new StepCompensationFailed(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "Record order", "record is locked"));
        fixture.given(events)
                .when(new MarkStepCompensatedCommand(RUN, 2), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.finished"));
    }
}
