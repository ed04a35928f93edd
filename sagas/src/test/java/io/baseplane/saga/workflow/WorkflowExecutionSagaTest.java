package io.baseplane.saga.workflow;

import static io.baseplane.saga.testing.SupervisedSagaFixture.FIRST_BACKOFF;
import static io.baseplane.saga.testing.SupervisedSagaFixture.OUTCOMES_DUE;
import static io.baseplane.saga.workflow.WorkflowExecutionSaga.DELAY_ELAPSED;
import static io.baseplane.saga.workflow.WorkflowExecutionSaga.STEP_TIMEOUT;
import static io.baseplane.saga.testing.CommandAnswers.failTimes;
import static io.baseplane.saga.testing.CommandAnswers.refuse;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
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
import io.baseplane.kernel.workflow.WorkflowRunFailed;
import io.baseplane.kernel.workflow.WorkflowRunCompleted;
import io.baseplane.kernel.workflow.WorkflowRunId;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import io.baseplane.kernel.workflow.WorkflowRunStarted;
import io.baseplane.kernel.workflow.WorkflowStep;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.testing.HeldCalls;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the execution saga: steps in order by type, HTTP calls off the handler, step timeouts and
 * delays by deadlines, reverse compensation, a compensation that fails, refusals by the run and by the target,
 * technical failures retried and parked, operators' retry and abort, and the journal's timeline.
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

    /** How long the saga waits for the outcome of reserve's call: its 10 s timeout and the 60 s margin. */
    static final Duration RESERVE_OUTCOME_WITHIN = Duration.ofSeconds(70);
    static final String ABORTED = "aborted by an operator: order cancelled";
    static final String UNAVAILABLE = "POST shop.example.com/reservations/A-1001 answered 503";

    private final SagaTestFixture<WorkflowExecutionSaga> fixture = new SagaTestFixture<>(WorkflowExecutionSaga.class);
    private final RecordingSagaJournal journal = new RecordingSagaJournal();
    private final HeldCalls calls = new HeldCalls();
    private final FakeStepExecutor http = new FakeStepExecutor(StepType.HTTP_CALL, StepOutcome.succeeded(Map.of("status", "201")));
    private final FakeStepExecutor upsert = new FakeStepExecutor(StepType.UPSERT_RECORD, StepOutcome.succeeded(Map.of("table", "orders")));
    private final FakeStepExecutor notify = new FakeStepExecutor(StepType.NOTIFY, StepOutcome.succeeded(Map.of("recipient", "ops@example.com")));

    @BeforeEach
    void registerResources() {
        SupervisedSagaFixture.register(fixture, journal, calls.outsideCalls());
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

        assertThat(journal.timeline()).containsExactly("start run FAILED", "end ENDED");
        assertThat(journal.details(StepTransition.FAILED)).containsExactly("start run failed: Tenant is suspended");
    }

    @Test
    void aFailureThatIsNoRefusalIsRetriedAfterTheBackoffInsteadOfEndingTheSaga() {
        failTimes(fixture, StartWorkflowRunCommand.class, 1, new EventStoreException("connection reset"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("handle WorkflowRunRequested RETRYING");
    }

    @Test
    void theRetriedStartGoesThrough() {
        failTimes(fixture, StartWorkflowRunCommand.class, 1, new EventStoreException("connection reset"));

        fixture.givenAPublished(requested())
                .whenTimeElapses(FIRST_BACKOFF)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartWorkflowRunCommand(RUN, WORKFLOW, TENANT, WORKSPACE, STEPS, INPUT))
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).containsExactly("handle WorkflowRunRequested RETRYING",
                "handle WorkflowRunRequested RESUMED");
    }

    @Test
    void aStartedRunStartsItsFirstStep() {
        fixture.givenAPublished(requested())
                .whenPublishingA(started())
                .expectDispatchedCommands(new StartStepCommand(RUN, 0));
    }

    // ---- steps by type ------------------------------------------------------------------------------

    @Test
    void anHttpStepThatSucceedsIsMarkedSucceededWithItsOutputAndNothingIsLeftScheduled() throws Exception {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenTimeElapses(OUTCOMES_DUE)
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
    void theHttpCallIsMadeOffTheHandlerAndItsOutcomeArrivesOnlyWhenTimeElapses() {
        calls.hold();

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .whenPublishingA(stepStarted(0))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RESERVE_OUTCOME_WITHIN, "saga-call-timeout");
        assertThat(http.calls()).as("the handler only hands the call to the pool").isEmpty();
        assertThat(calls.waiting()).isEqualTo(1);

        calls.runWaiting();
        assertThat(http.calls()).hasSize(1);

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();
        assertThat(journal.timeline()).containsExactly("reserve STARTED");
    }

    @Test
    void aSucceededStepStartsTheNextOne() throws Exception {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(stepSucceeded(0))
                .expectDispatchedCommands(new StartStepCommand(RUN, 1));
    }

    @Test
    void aDelayStepSchedulesItsDeadlineInsteadOfWaiting() throws Exception {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(stepSucceeded(0))
                .whenPublishingA(stepStarted(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(Duration.ofSeconds(60), new StepDeadline(1, false))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), DELAY_ELAPSED)
                // Without a timeoutSeconds of its own, a delay has no timeout: its length is its parameter.
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(30), STEP_TIMEOUT);
    }

    @Test
    void theElapsedDelayMarksTheStepSucceeded() throws Exception {
        runUntilStepStarted(1)
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDeadlinesMetMatching(SupervisedSagaFixture.anyWithPayload(new StepDeadline(1, false)))
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
    void aRunWhoseStepsAllSucceedLeavesItsTimelineInTheJournal() throws Exception {
        runUntilStepStarted(3)
                .andThenAPublished(stepSucceeded(3))
                .whenPublishingA(new WorkflowRunCompleted(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "wait STARTED", "wait SUCCEEDED",
                "record STARTED", "record SUCCEEDED", "notify STARTED", "notify SUCCEEDED", "end ENDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("WorkflowExecution");
            assertThat(entry.sagaKey()).isEqualTo(RUN.toString());
            assertThat(entry.tenantId()).isEqualTo(TENANT);
        });
    }

    // ---- refusals fail the step, which compensates --------------------------------------------------

    @Test
    void aStepTheTargetRefusesIsMarkedFailedWithTheExecutorsReason() throws Exception {
        http.answer(StepOutcome.failed("POST shop.example.com/reservations/A-1001 answered 404"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 0,
                        "POST shop.example.com/reservations/A-1001 answered 404"))
                .expectNoScheduledDeadlines();

        assertThat(journal.details(StepTransition.RETRYING)).isEmpty();
    }

    @Test
    void aRefusedStepBeginsTheCompensationWithItsReason() throws Exception {
        http.answer(StepOutcome.failed("POST shop.example.com/reservations/A-1001 answered 404"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(stepFailed(0, "POST shop.example.com/reservations/A-1001 answered 404"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new BeginCompensationCommand(RUN,
                        "POST shop.example.com/reservations/A-1001 answered 404"));

        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve FAILED");
        assertThat(journal.details(StepTransition.FAILED))
                .containsExactly("POST shop.example.com/reservations/A-1001 answered 404");
    }

    @Test
    void aStepThatOutlivesItsTimeoutIsMarkedFailedAndItsDelayCancelled() throws Exception {
        WorkflowStep slowWait = new WorkflowStep("wait", StepType.DELAY, Map.of("seconds", "60"), 5, null);
        fixture.givenAPublished(requested(List.of(RESERVE, slowWait)))
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(stepSucceeded(0))
                .andThenAPublished(stepStarted(1))
                .whenTimeElapses(Duration.ofSeconds(5))
                .expectDeadlinesMetMatching(SupervisedSagaFixture.anyWithPayload(new StepDeadline(1, false)))
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
    void aCompensatedStepLeadsToTheUndoCallOfTheNextOneInReverseOrder() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(3, "mail server down"))
                .andThenAPublished(compensationStarted(2, 0))
                .whenPublishingA(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                // The undo call is made; the step is compensated once its outcome is back.
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RESERVE_OUTCOME_WITHIN, "saga-call-timeout");

        StepContext undo = http.lastCall();
        assertThat(undo.compensation()).isTrue();
        assertThat(undo.stepName()).isEqualTo("reserve");
        assertThat(undo.parameters()).containsEntry("method", "DELETE")
                .containsEntry("url", "https://shop.example.com/reservations/A-1001");
        assertThat(undo.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theOutcomeOfAnUndoCallMarksTheStepCompensated() throws Exception {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(3, "mail server down"))
                .andThenAPublished(compensationStarted(2, 0))
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new MarkStepCompensatedCommand(RUN, 0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCompensatedRunEndsTheSagaWithTheWholeTimelineInTheJournal() throws Exception {
        notify.answer(StepOutcome.failed("mail server down"));

        runUntilStepStarted(3)
                .andThenAPublished(stepFailed(3, "mail server down"))
                .andThenAPublished(compensationStarted(2, 0))
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 0, "reserve"))
                .whenPublishingA(new WorkflowRunCompensated(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).containsExactly(
                "reserve STARTED", "reserve SUCCEEDED", "wait STARTED", "wait SUCCEEDED",
                "record STARTED", "record SUCCEEDED", "notify STARTED", "notify FAILED",
                "record COMPENSATING", "record COMPENSATED", "reserve COMPENSATING", "reserve COMPENSATED",
                "end ENDED");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsOnly("mail server down");
    }

    @Test
    void aCompensationThatFailsIsReportedToTheRun() throws Exception {
        http.answerCompensations(StepOutcome.failed("DELETE shop.example.com/reservations/A-1001 answered 403"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkCompensationFailedCommand(RUN, 0,
                        "DELETE shop.example.com/reservations/A-1001 answered 403"));
    }

    @Test
    void aFailedCompensationEndsTheSagaForOperatorsToHandle() throws Exception {
        http.answerCompensations(StepOutcome.failed("DELETE shop.example.com/reservations/A-1001 answered 403"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(new StepCompensationFailed(RUN, WORKFLOW, TENANT, WORKSPACE, 0, "reserve", "answered 403"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        assertThat(journal.timeline()).endsWith("reserve COMPENSATING", "reserve COMPENSATION_FAILED", "end ENDED");
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
    void aRunWithNothingToUndoEndsTheSagaWhenTheRunEndsFailed() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(0, "answered 404"))
                .whenPublishingA(new WorkflowRunFailed(RUN, WORKFLOW, TENANT, WORKSPACE, "answered 404"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).isEmpty();
        assertThat(journal.timeline()).containsExactly("reserve FAILED", "end ENDED");
    }

    @Test
    void aRunRecordedBeforeRunsCouldEndFailedEndsWhenTheRunSaysCompensated() {
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(0, "answered 404"))
                .andThenAPublished(compensationStarted())
                .whenPublishingA(new WorkflowRunCompensated(RUN, WORKFLOW, TENANT, WORKSPACE))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        assertThat(http.calls()).isEmpty();
        assertThat(journal.timeline()).containsExactly("reserve FAILED", "end ENDED");
    }

    @Test
    void aRefusedCompensationStepEndsTheSagaWithTheRefusalInTheJournal() throws Exception {
        refuse(fixture, MarkStepCompensatedCommand.class,
                new RuleViolationException("workflow-run.finished", "Run is already COMPENSATED"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("reserve COMPENSATING", "reserve FAILED", "end ENDED");
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

    // ---- technical failures are retried, never compensated ------------------------------------------

    @Test
    void aTargetThatIsUnavailableIsCalledAgainAfterTheBackoffWithoutFailingTheStep() throws Exception {
        http.answerFirst(StepOutcome.unavailable(UNAVAILABLE));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).containsExactly(UNAVAILABLE);
    }

    @Test
    void theCallMadeAgainAfterTheBackoffGoesThroughAndTheStepSucceeds() throws Exception {
        http.answerFirst(StepOutcome.unavailable(UNAVAILABLE));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).hasSize(2).extracting(StepContext::idempotencyKey).containsOnly(RUN + ":0");
        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve RETRYING", "reserve RESUMED");
        assertThat(journal.timeline()).noneMatch(line -> line.contains("FAILED") || line.contains("COMPENSAT"));
    }

    @Test
    void aCommandThatFailsTechnicallyRetriesItsHandlerNotTheCall() throws Exception {
        failTimes(fixture, MarkStepSucceededCommand.class, 1, new ConcurrencyException("run changed meanwhile"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).as("the outcome is held, the call not made again").hasSize(1);
        assertThat(journal.timeline()).containsExactly("reserve STARTED", "handle CallOutcome RETRYING",
                "handle CallOutcome RESUMED");
    }

    @Test
    void aCallWhoseOutcomeDoesNotComeInTimeCountsAsATechnicalFailure() {
        calls.hold();

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenTimeElapses(RESERVE_OUTCOME_WITHIN)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-timeout"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).singleElement().asString()
                .startsWith("reserve failed: no outcome in time");
    }

    @Test
    void aCallLostWithItsNodeIsMadeAgainAfterTheTimeoutAndTheBackoff() throws Exception {
        calls.hold();
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(RESERVE_OUTCOME_WITHIN);
        calls.lose();
        calls.runAtOnce();

        fixture.whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).endsWith("reserve RETRYING", "reserve RESUMED");
    }

    @Test
    void anOutcomeForACallTheSagaNoLongerWaitsForIsIgnored() throws Exception {
        calls.hold();
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(RESERVE_OUTCOME_WITHIN);
        // The call that timed out answers after all, late.
        calls.runWaiting();

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-outcome"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve RETRYING");
    }

    @Test
    void theOutcomeOfACallMadeBeforeAnAbortIsIgnored() {
        calls.hold();
        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenPublishingA(abort())
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 0, ABORTED));
        calls.runWaiting();

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-outcome"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aTargetThatStaysUnavailableParksTheRunForAnOperator() throws Exception {
        http.answer(StepOutcome.unavailable(UNAVAILABLE));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).hasSize(SupervisedSagaFixture.MAX_ATTEMPTS);
        assertThat(journal.timeline()).containsExactly("reserve STARTED", "reserve RETRYING", "reserve RETRYING",
                "reserve PARKED");
        assertThat(journal.entries()).filteredOn(entry -> entry.attempt() != null)
                .extracting(entry -> entry.attempt()).containsExactly(1, 2, 3);
    }

    @Test
    void aStepWhoseExecutorThrowsEveryTimeParksTheRunWithoutTheExceptionEscaping() throws Exception {
        notify.throwEachTime(new IllegalStateException("outbox table missing"));

        runUntilStepStarted(2)
                .andThenAPublished(stepSucceeded(2))
                .whenPublishingA(stepStarted(3))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        fixture.whenTimeElapses(Duration.ofMinutes(5))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(notify.calls()).hasSize(SupervisedSagaFixture.MAX_ATTEMPTS);
        assertThat(journal.timeline()).endsWith("notify STARTED", "notify RETRYING", "notify RETRYING",
                "notify PARKED");
        assertThat(journal.details(StepTransition.PARKED))
                .containsExactly("step notify failed: unexpected IllegalStateException");
    }

    @Test
    void aHandlerThatThrowsEveryTimeParksTheRunAndLaterEventsWaitBehindIt() throws Exception {
        failTimes(fixture, StartStepCommand.class, Integer.MAX_VALUE, new IllegalStateException("command bus gone"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(stepStarted(0))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).as("held behind the parked event").isEmpty();
        assertThat(journal.timeline()).containsExactly("handle WorkflowRunStarted RETRYING",
                "handle WorkflowRunStarted RETRYING", "handle WorkflowRunStarted PARKED");
    }

    // ---- operators ----------------------------------------------------------------------------------

    @Test
    void anOperatorsRetryOfAParkedRunCallsTheTargetAgainAndGoesOnFromThatStep() throws Exception {
        http.answerFirst(StepOutcome.unavailable(UNAVAILABLE), StepOutcome.unavailable(UNAVAILABLE),
                StepOutcome.unavailable(UNAVAILABLE));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(Duration.ofMinutes(5))
                .andThenAPublished(new SagaRetryRequested(journal.sagaId(), "WorkflowExecution", "shop is back"))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new MarkStepSucceededCommand(RUN, 0, Map.of("status", "201")))
                .expectNoScheduledDeadlines();

        assertThat(http.calls()).hasSize(SupervisedSagaFixture.MAX_ATTEMPTS + 1);
        assertThat(journal.timeline()).endsWith("reserve PARKED", "reserve RESUMED");
    }

    @Test
    void anOperatorsAbortFailsTheRunningStepWithTheOperatorsReason() throws Exception {
        notify.throwEachTime(new IllegalStateException("outbox table missing"));

        runUntilStepStarted(3)
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 3, ABORTED))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theFailureOfTheAbortedStepBeginsTheCompensation() throws Exception {
        notify.throwEachTime(new IllegalStateException("outbox table missing"));

        runUntilStepStarted(3)
                .andThenTimeElapses(Duration.ofMinutes(5))
                .andThenAPublished(abort())
                .whenPublishingA(stepFailed(3, ABORTED))
                .expectDispatchedCommands(new BeginCompensationCommand(RUN, ABORTED));
    }

    @Test
    void anAbortUndoesTheSucceededStepsInReverseOrder() throws Exception {
        notify.throwEachTime(new IllegalStateException("outbox table missing"));

        runUntilStepStarted(3)
                .andThenTimeElapses(Duration.ofMinutes(5))
                .andThenAPublished(abort())
                .andThenAPublished(stepFailed(3, ABORTED))
                .andThenAPublished(compensationStarted(ABORTED, 2, 0))
                .andThenAPublished(new StepCompensated(RUN, WORKFLOW, TENANT, WORKSPACE, 2, "record"))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new MarkStepCompensatedCommand(RUN, 0));

        assertThat(journal.timeline()).filteredOn(line -> line.contains("COMPENSAT")).containsExactly(
                "record COMPENSATING", "record COMPENSATED", "reserve COMPENSATING");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsOnly(ABORTED);
        assertThat(upsert.lastCall().compensation()).isTrue();
        assertThat(http.lastCall().compensation()).isTrue();
    }

    @Test
    void anAbortBetweenStepsBeginsTheCompensationAtOnce() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof StartStepCommand start && start.stepIndex() == 1) {
                throw new IllegalStateException("command bus gone");
            }
            if (payload instanceof MarkStepFailedCommand) {
                throw new RuleViolationException("workflow-run.step-not-running", "Step 0 is not running");
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepStarted(0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(stepSucceeded(0))
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new MarkStepFailedCommand(RUN, 0, ABORTED),
                        new BeginCompensationCommand(RUN, ABORTED));
    }

    @Test
    void anAbortOfARunParkedWhileCompensatingReportsTheCompensationFailed() throws Exception {
        http.answerCompensations(StepOutcome.unavailable("DELETE shop.example.com/reservations/A-1001 answered 503"));

        fixture.givenAPublished(requested())
                .andThenAPublished(started())
                .andThenAPublished(stepFailed(1, "boom"))
                .andThenAPublished(compensationStarted(0))
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                // Were the abort to drop the failing undo and do nothing else, the run would wait for ever.
                .expectDispatchedCommands(new MarkCompensationFailedCommand(RUN, 0, ABORTED));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * The run requested and started, steps 0 .. last-1 started, done (the call's outcome delivered, the delay
     * elapsed) and succeeded, step {@code last} started.
     */
    private ContinuedGivenState runUntilStepStarted(int last) throws Exception {
        ContinuedGivenState given = fixture.givenAPublished(requested()).andThenAPublished(started());
        for (int index = 0; index < last; index++) {
            Duration done = STEPS.get(index).type() == StepType.DELAY ? Duration.ofSeconds(60) : OUTCOMES_DUE;
            given = given.andThenAPublished(stepStarted(index))
                    .andThenTimeElapses(done)
                    .andThenAPublished(stepSucceeded(index));
        }
        return given.andThenAPublished(stepStarted(last));
    }

    private SagaAbortRequested abort() {
        return new SagaAbortRequested(journal.sagaId(), "WorkflowExecution", "order cancelled");
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

    static StepSucceeded stepSucceeded(int index) {
        return new StepSucceeded(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), Map.of());
    }

    private static StepFailed stepFailed(int index, String reason) {
        return new StepFailed(RUN, WORKFLOW, TENANT, WORKSPACE, index, STEPS.get(index).name(), reason);
    }

    private static CompensationStarted compensationStarted(Integer... steps) {
        return compensationStarted("mail server down", steps);
    }

    private static CompensationStarted compensationStarted(String reason, Integer... steps) {
        return new CompensationStarted(RUN, WORKFLOW, TENANT, WORKSPACE, reason, List.of(steps));
    }
}
