package io.baseplane.command.workflow;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.workflow.Samples.AS_OTHER_TENANT;
import static io.baseplane.command.workflow.Samples.AS_SYSTEM;
import static io.baseplane.command.workflow.Samples.INPUT;
import static io.baseplane.command.workflow.Samples.RUN;
import static io.baseplane.command.workflow.Samples.STEPS;
import static io.baseplane.command.workflow.Samples.TENANT;
import static io.baseplane.command.workflow.Samples.WORKFLOW;
import static io.baseplane.command.workflow.Samples.WORKSPACE;
import static io.baseplane.command.workflow.Samples.runStarted;

import io.baseplane.kernel.workflow.CompleteWorkflowRunCommand;
import io.baseplane.kernel.workflow.MarkStepFailedCommand;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.kernel.workflow.StartStepCommand;
import io.baseplane.kernel.workflow.StartWorkflowRunCommand;
import io.baseplane.kernel.workflow.StepFailed;
import io.baseplane.kernel.workflow.StepStarted;
import io.baseplane.kernel.workflow.StepSucceeded;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Executing the steps of a run; compensation is in {@link WorkflowRunCompensationTest}. */
class WorkflowRunTest {

    private FixtureConfiguration<WorkflowRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkflowRun.class);
    }

    static StepStarted started(int index) {
        return new StepStarted(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name());
    }

    static StepSucceeded succeeded(int index) {
        return new StepSucceeded(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), Map.of());
    }

    static StepFailed failed(int index) {
        return new StepFailed(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), "HTTP 500 three times");
    }

    /** The run started, steps 0 .. count-1 succeeded, then the {@code later} events happened. */
    static List<Object> succeededUpTo(int count, Object... later) {
        List<Object> events = new ArrayList<>(List.of(runStarted()));
        for (int i = 0; i < count; i++) {
            events.add(started(i));
            events.add(succeeded(i));
        }
        events.addAll(List.of(later));
        return events;
    }

    @Test
    void startsARunWithTheStepsAndInputItWasRequestedWith() {
        fixture.givenNoPriorActivity()
                .when(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT), AS_SYSTEM)
                .expectEvents(new WorkflowRunStarted(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT));
    }

    @Test
    void refusesToStartARunThatWasStartedAlready() {
        fixture.given(runStarted())
                .when(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.exists"));
    }

    @Test
    void anotherTenantLearnsNothingOfAnExistingRun() {
        fixture.given(runStarted())
                .when(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void refusesToStartARunWithoutSteps() {
        fixture.givenNoPriorActivity()
                .when(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, List.of(), INPUT), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("steps"));
    }

    @Test
    void refusesToStartARunInAnotherTenant() {
        fixture.givenNoPriorActivity()
                .when(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void startsTheFirstStep() {
        fixture.given(runStarted())
                .when(new StartStepCommand(RUN, 0), AS_SYSTEM)
                .expectEvents(started(0));
    }

    @Test
    void startsTheNextStepOnceThePreviousSucceeded() {
        fixture.given(succeededUpTo(2))
                .when(new StartStepCommand(RUN, 2), AS_SYSTEM)
                .expectEvents(started(2));
    }

    @Test
    void refusesToStartAStepBeforeThePreviousSucceeded() {
        fixture.given(runStarted())
                .when(new StartStepCommand(RUN, 1), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-order"));
    }

    @Test
    void refusesToStartAStepThatAlreadySucceeded() {
        fixture.given(succeededUpTo(2))
                .when(new StartStepCommand(RUN, 0), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-order"));
    }

    @Test
    void refusesToStartAStepWhileAnotherRuns() {
        fixture.given(runStarted(), started(0))
                .when(new StartStepCommand(RUN, 1), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-running"));
    }

    @Test
    void refusesAStepIndexOutOfRange() {
        fixture.given(succeededUpTo(4))
                .when(new StartStepCommand(RUN, 4), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("stepIndex"));
    }

    @Test
    void marksTheRunningStepSucceededWithItsOutput() {
        fixture.given(runStarted(), started(0))
                .when(new MarkStepSucceededCommand(RUN, 0, Map.of("reservation", "R-77")), AS_SYSTEM)
                .expectEvents(new StepSucceeded(RUN, WORKFLOW, TENANT, WORKSPACE, 0, "Reserve stock", Map.of("reservation", "R-77")));
    }

    @Test
    void refusesToSucceedAStepThatIsNotRunning() {
        fixture.given(succeededUpTo(1, started(1)))
                .when(new MarkStepSucceededCommand(RUN, 0, Map.of()), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-not-running"));
    }

    @Test
    void marksTheRunningStepFailed() {
        fixture.given(succeededUpTo(1, started(1)))
                .when(new MarkStepFailedCommand(RUN, 1, "HTTP 500 three times"), AS_SYSTEM)
                .expectEvents(failed(1));
    }

    @Test
    void refusesToFailAStepThatIsNotRunning() {
        fixture.given(runStarted())
                .when(new MarkStepFailedCommand(RUN, 0, "timed out"), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.step-not-running"));
    }

    @Test
    void refusesFurtherStepsAfterAStepFailed() {
        fixture.given(runStarted(), started(0), failed(0))
                .when(new StartStepCommand(RUN, 0), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.not-running"));
    }

    @Test
    void completesARunWhoseStepsAllSucceeded() {
        fixture.given(succeededUpTo(4))
                .when(new CompleteWorkflowRunCommand(RUN), AS_SYSTEM)
                .expectEvents(new WorkflowRunCompleted(RUN, WORKFLOW, TENANT, WORKSPACE));
    }

    @Test
    void refusesToCompleteARunWithStepsPending() {
        fixture.given(succeededUpTo(3))
                .when(new CompleteWorkflowRunCommand(RUN), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.steps-pending"));
    }

    @Test
    void refusesAnythingOnceCompleted() {
        List<Object> completed = succeededUpTo(4);
        completed.add(new WorkflowRunCompleted(RUN, WORKFLOW, TENANT, WORKSPACE));
        fixture.given(completed)
                .when(new StartStepCommand(RUN, 0), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("workflow-run.finished"));
    }

    @Test
    void hidesTheRunFromAnotherTenant() {
        fixture.given(runStarted())
                .when(new StartStepCommand(RUN, 0), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }
}
