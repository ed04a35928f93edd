package io.baseplane.saga.workflow;

import static io.baseplane.saga.workflow.WorkflowExecutionSaga.DELAY_ELAPSED;
import static io.baseplane.saga.workflow.WorkflowExecutionSaga.STEP_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.BeginCompensationCommand;
import io.baseplane.kernel.workflow.CompensationStarted;
import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.CompleteWorkflowRunCommand;
import io.baseplane.kernel.workflow.MarkCompensationFailedCommand;
import io.baseplane.kernel.workflow.MarkStepCompensatedCommand;
import io.baseplane.kernel.workflow.MarkStepFailedCommand;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.kernel.workflow.StartStepCommand;
import io.baseplane.kernel.workflow.StartWorkflowRunCommand;
import io.baseplane.kernel.workflow.StepCompensated;
import io.baseplane.kernel.workflow.StepCompensationFailed;
import io.baseplane.kernel.workflow.StepFailed;
import io.baseplane.kernel.workflow.StepStarted;
import io.baseplane.kernel.workflow.StepSucceeded;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workflow.WorkflowRunCompensated;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.testing.RecordingSagaJournal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the execution saga: steps in order by type, step timeouts and delays by deadlines, reverse
 * compensation, a compensation that fails, refusals by the run, and the journal's timeline.
 */
class WorkflowExecutionSagaTest {

    static final TenantId TENANT = TenantId.of("6f1c2a3b-0000-4000-8000-000000000001");
    static final WorkspaceId WORKSPACE = WorkspaceId.of("6f1c2a3b-0000-4000-8000-000000000002");
    static final WorkflowId WORKFLOW = WorkflowId.of("6f1c2a3b-0000-4000-8000-000000000003");
    static final WorkflowRunId RUN = WorkflowRunId.of("6f1c2a3b-0000-4000-8000-000000000004");
    static final Map<String, String> INPUT = Map.of("order", "A-1001");

    /** 0 reserve (HTTP, undone by a cancel call), 1 wait (DELAY), 2 record (UPSERT, undone by deleting), 3 notify. */
    static final WorkflowStep RESERVE = new WorkflowStep("reserve", StepType.HTTP_CALL,
            Map.of("url", "https://shop.example.com/reservations/{{input.order}}", "method", "POST"), 10,
            new CompensationStep(StepType.HTTP_CALL,
                    Map.of("url", "https://shop.example.com/reservations/{{input.order}}", "method", "DELETE")));
    static final WorkflowStep WAIT = new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "60"), null, null);
    static final WorkflowStep RECORD = new WorkflowStep("record", StepType.UPSERT_RECORD,
            Map.of("table", "orders", "record", "{\"order\":\"{{input.order}}\",\"run\":\"{{runId}}\"}"), null,
            new CompensationStep(StepType.UPSERT_RECORD, Map.of("table", "orders", "delete", "true")));
    static final WorkflowStep NOTIFY = new WorkflowStep("notify", StepType.NOTIFY,
            Map.of("recipient", "ops@example.com", "message", "Order {{input.order}} placed"), null, null);
    static final List<WorkflowStep> STEPS = List.of(RESERVE, WAIT, RECORD, NOTIFY);

    private final SagaTestFixture<WorkflowExecutionSaga> fixture = new SagaTestFixture<>(WorkflowExecutionSaga.class);
    private final RecordingSagaJournal journal = new RecordingSagaJournal();
    private final FakeStepExecutor http = new FakeStepExecutor(StepType.HTTP_CALL, StepOutcome.succeeded(Map.of("status", "201")));
    private final FakeStepExecutor upsert = new FakeStepExecutor(StepType.UPSERT_RECORD, StepOutcome.succeeded(Map.of("table", "orders")));
    private final FakeStepExecutor notify = new FakeStepExecutor(StepType.NOTIFY, StepOutcome.succeeded(Map.of("recipient", "ops@example.com")));

    @BeforeEach
    void registerResources() {
        fixture.registerResource(journal);
        fixture.registerResource(new StepExecutors(List.of(http, upsert, notify), Duration.ofSeconds(30)));
    }

    // ---- the run starts -----------------------------------------------------------------------------

    @Test
    void aRequestedRunIsStartedWithTheStepsItWasRequestedWith() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("runId", RUN.toString())
                .expectDispatchedCommands(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT));
    }

    @Test
    void theSameRunRequestedAgainIsNotStartedTwice() {
        fixture.givenAPublished(requested())
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRunThatExistsAlreadyWasRequestedTwiceAndEndsTheSagaQuietly() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw new RuleViolationException("workflow-run.exists", "Run " + RUN + " was started already");
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0);

        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void aRunTheAggregateRefusesToStartEndsTheSagaWithTheRefusalInTheJournal() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly("start run FAILED");
        assertThat(journal.details(StepTransition.FAILED)).containsExactly("start run failed: Tenant is suspended");
    }

    @Test
    void aFailureThatIsNoRefusalIsThrownSoTheEventIsRetried() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw new EventStoreException("connection reset");
        });

        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution())
                .isInstanceOfAny(AxonAssertionError.class, EventStoreException.class);
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void aStartedRunStartsItsFirstStep() {
        fixture.givenAPublished(requested())
                .whenPublishingA(started())
                .expectDispatchedCommands(new StartStepCommand(RUN, 0));
    }

    // ---- steps by type ------------------------------------------------------------------------------

    @Test
    void anHttpStepThatSucceedsIsMarkedSucceededWithItsOutputAndItsTimeoutIsCancelled() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .whenPublishingA(stepStarted(0))
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();

        StepContext call = http.lastCall();
        assertThat(call.parameters()).containsEntry("url", "https://shop.example.com/reservations/A-1001")
                .containsEntry("method", "POST");
        assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(call.compensation()).isFalse();
        assertThat(call.idempotencyKey()).isEqualTo(RUN + ":0");
        assertThat(List.of(call.tenantId(), call.workspaceId(), call.runId(), call.stepIndex(), call.stepName()))
                .containsExactly(TENANT, WORKSPACE, RUN, 0, "reserve");
    }

    @Test
    void aSucceededStepStartsTheNextOne() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenPublishingA(stepSucceeded(0))
                .expectDispatchedCommands(new StartStepCommand(RUN, 1));
    }

    @Test
    void aDelayStepSchedulesItsDeadlineInsteadOfWaiting() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenAPublished(stepSucceeded(0))
                .whenPublishingA(stepStarted(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(Duration.ofSeconds(60), new StepDeadline(1, false))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), DELAY_ELAPSED)
                // Without a timeoutSeconds of its own, a delay has no timeout: its length is its parameter.
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(30), STEP_TIMEOUT);
    }

    @Test
    void theElapsedDelayMarksTheStepSucceeded() {
        fixture.givenAggregate(RUN.toString()).published(runUntilStepStarted(1))
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDeadlinesMet(new StepDeadline(1, false))
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 1, Map.of()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anUpsertStepGetsItsRecordWithTheRunInputFilledIn() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepSucceeded(0))
                .andThenAPublished(stepSucceeded(1))
                .whenPublishingA(stepStarted(2))
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 2, Map.of("table", "orders")));

        assertThat(upsert.lastCall().parameters())
                .containsEntry("record", "{\"order\":\"A-1001\",\"run\":\"" + RUN + "\"}")
                .containsEntry("table", "orders");
        // A step without timeoutSeconds gets the configured default.
        assertThat(upsert.lastCall().timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aNotifyStepSucceedsAndTheLastStepCompletesTheRun() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(3))
                .whenPublishingA(stepSucceeded(3))
                .expectDispatchedCommands(new CompleteWorkflowRunCommand(RUN));

        assertThat(notify.lastCall().parameters()).containsEntry("message", "Order A-1001 placed");
    }

    @Test
    void aCompletedRunEndsTheSaga() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .whenPublishingA(new WorkflowRunCompleted(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRunWhoseStepsAllSucceedLeavesItsTimelineInTheJournal() {
        fixture.givenAggregate(RUN.toString()).published(runUntilStepStarted(3))
                .andThenAPublished(stepSucceeded(3))
                .whenPublishingA(new WorkflowRunCompleted(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "wait STARTED", "wait SUCCEEDED",
                "record STARTED", "record SUCCEEDED", "notify STARTED", "notify SUCCEEDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("WorkflowExecution");
            assertThat(entry.sagaKey()).isEqualTo(RUN.toString());
            assertThat(entry.tenantId()).isEqualTo(TENANT);
        });
    }

    // ---- failures and timeouts ----------------------------------------------------------------------

    @Test
    void aStepThatFailsIsMarkedFailedWithTheExecutorsReason() {
        http.answer(StepOutcome.failed("POST shop.example.com/reservations/A-1001 answered 503"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .whenPublishingA(stepStarted(0))
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 0,
                        "POST shop.example.com/reservations/A-1001 answered 503"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFailedStepBeginsTheCompensation() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenPublishingA(stepFailed(0, "answered 503"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new BeginCompensationCommand(RUN, "answered 503"));

        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve FAILED");
        assertThat(journal.details(StepTransition.FAILED)).containsExactly("answered 503");
    }

    @Test
    void aStepThatOutlivesItsTimeoutIsMarkedFailedAndItsDelayCancelled() {
        WorkflowStep slowWait = new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "60"), 5, null);
        fixture.givenAPublished(requested(List.of(RESERVE, slowWait)))
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenAPublished(stepSucceeded(0))
                .andThenAPublished(stepStarted(1))
                .whenTimeElapses(Duration.ofSeconds(5))
                .expectDeadlinesMet(new StepDeadline(1, false))
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 1, "timed out after 5s"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStepStartedWithATimeoutSchedulesIt() {
        WorkflowStep slowWait = new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "60"), 5, null);
        fixture.givenAPublished(requested(List.of(RESERVE, slowWait)))
                .andThenAPublished(started())
                .andThenAPublished(stepSucceeded(0))
                .whenPublishingA(stepStarted(1))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), STEP_TIMEOUT)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), DELAY_ELAPSED);
    }

    @Test
    void aDeadlineForAStepThatIsNoLongerExecutingChangesNothing() throws Exception {
        WorkflowStep slowWait = new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "60"), 5, null);
        fixture.givenAPublished(requested(List.of(RESERVE, slowWait)))
                .andThenAPublished(started())
                .andThenAPublished(stepSucceeded(0))
                .andThenAPublished(stepStarted(1))
                .andThenTimeElapses(Duration.ofSeconds(5))
                // The run refuses nothing here; the step's failure is already on its way.
                .andThenAPublished(stepFailed(1, "timed out after 5s"))
                .whenTimeElapses(Duration.ofSeconds(120))
                .expectNoDispatchedCommands();
    }

    // ---- compensation -------------------------------------------------------------------------------

    @Test
    void compensationUndoesTheLastSucceededStepFirst() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepSucceeded(0))
                .andThenAPublished(stepSucceeded(1))
                .andThenAPublished(stepSucceeded(2))
                .andThenAPublished(stepFailed(3, "mail server down"))
                .whenPublishingA(compensationStarted(2, 0))
                .expectDispatchedCommands(new MarkStepCompensatedCommand(RUN, 2));

        StepContext undo = upsert.lastCall();
        assertThat(undo.compensation()).isTrue();
        assertThat(undo.parameters()).containsEntry("delete", "true").containsEntry("table", "orders");
        assertThat(undo.idempotencyKey()).isEqualTo(RUN + ":2:compensation");
    }

    @Test
    void aCompensatedStepLeadsToTheNextOneInReverseOrder() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(3, "mail server down"))
                .andThenAPublished(compensationStarted(2, 0))
                .whenPublishingA(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                .expectDispatchedCommands(new MarkStepCompensatedCommand(RUN, 0));

        StepContext undo = http.lastCall();
        assertThat(undo.compensation()).isTrue();
        assertThat(undo.stepName()).isEqualTo("reserve");
        assertThat(undo.parameters()).containsEntry("method", "DELETE")
                .containsEntry("url", "https://shop.example.com/reservations/A-1001");
        assertThat(undo.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aCompensatedRunEndsTheSagaWithTheWholeTimelineInTheJournal() {
        fixture.givenAggregate(RUN.toString()).published(runUntilStepStarted(3))
                .andThenAPublished(stepFailed(3, "mail server down"))
                .andThenAPublished(compensationStarted(2, 0))
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 0, "reserve"))
                .whenPublishingA(new WorkflowRunCompensated(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "wait STARTED", "wait SUCCEEDED",
                "record STARTED", "record SUCCEEDED", "notify STARTED", "notify FAILED",
                "record COMPENSATING", "record COMPENSATED", "reserve COMPENSATING", "reserve COMPENSATED");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsOnly("mail server down");
    }

    @Test
    void aCompensationThatFailsIsReportedToTheRun() {
        http.answerCompensations(StepOutcome.failed("DELETE shop.example.com/reservations/A-1001 answered 403"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .whenPublishingA(compensationStarted(0))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkCompensationFailedCommand(RUN, 0,
                        "DELETE shop.example.com/reservations/A-1001 answered 403"));
    }

    @Test
    void aFailedCompensationEndsTheSagaForOperatorsToHandle() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .whenPublishingA(new StepCompensationFailed(RUN, WORKFLOW, TENANT, WORKSPACE, 0, "reserve", "answered 403"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        assertThat(journal.timeline()).endsWith("reserve COMPENSATING", "reserve COMPENSATION_FAILED");
        assertThat(journal.details(StepTransition.COMPENSATION_FAILED)).containsExactly("answered 403");
    }

    @Test
    void aDelayAsCompensationWaitsForItsDeadline() {
        WorkflowStep coolDown = new WorkflowStep("reserve", StepType.HTTP_CALL, RESERVE.parameters(), null,
                new CompensationStep(StepType.DELAY, Map.of("seconds", "30")));
        fixture.givenAPublished(requested(List.of(coolDown, NOTIFY)))
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectDeadlinesMet(new StepDeadline(0, true))
                .expectDispatchedCommands(new MarkStepCompensatedCommand(RUN, 0));
    }

    @Test
    void aRunWithNothingToCompensateEndsWhenTheRunSaysSo() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(0, "answered 503"))
                .andThenAPublished(compensationStarted())
                .whenPublishingA(new WorkflowRunCompensated(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        assertThat(http.calls()).isEmpty();
        assertThat(journal.timeline()).containsExactly("reserve FAILED");
    }

    @Test
    void aRefusedCompensationStepEndsTheSagaWithTheRefusalInTheJournal() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof MarkStepCompensatedCommand) {
                throw new RuleViolationException("workflow-run.finished", "Run is already COMPENSATED");
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .whenPublishingA(compensationStarted(0))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("reserve COMPENSATING", "reserve FAILED");
        assertThat(journal.details(StepTransition.FAILED)).last()
                .isEqualTo("reserve failed: Run is already COMPENSATED");
    }

    @Test
    void eventsOfAnotherRunDoNotReachTheSaga() {
        WorkflowRunId other = WorkflowRunId.of("6f1c2a3b-0000-4000-8000-000000000005");
        fixture.givenAPublished(requested())
                .whenPublishingA(new WorkflowRunStarted(other, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT))
                .expectNoDispatchedCommands();
    }

    // ---- events -------------------------------------------------------------------------------------

    /** The run requested and started, steps 0 .. last-1 started and succeeded, step {@code last} started. */
    private static Object[] runUntilStepStarted(int last) {
        List<Object> events = new java.util.ArrayList<>(List.of(requested(), started()));
        for (int index = 0; index < last; index++) {
            events.add(stepStarted(index));
            events.add(stepSucceeded(index));
        }
        events.add(stepStarted(last));
        return events.toArray();
    }

    static WorkflowRunRequested requested() {
        return requested(STEPS);
    }

    static WorkflowRunRequested requested(List<WorkflowStep> steps) {
        return new WorkflowRunRequested(WORKFLOW, RUN, TENANT, WORKSPACE, steps, INPUT);
    }

    static WorkflowRunStarted started() {
        return new WorkflowRunStarted(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT);
    }

    static StepStarted stepStarted(int index) {
        return new StepStarted(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name());
    }

    private static StepSucceeded stepSucceeded(int index) {
        return new StepSucceeded(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), Map.of());
    }

    private static StepFailed stepFailed(int index, String reason) {
        return new StepFailed(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), reason);
    }

    private static CompensationStarted compensationStarted(Integer... steps) {
        return new CompensationStarted(RUN, WORKFLOW, TENANT, WORKSPACE, "mail server down", List.of(steps));
    }
}
