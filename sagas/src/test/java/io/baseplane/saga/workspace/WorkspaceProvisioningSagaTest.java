package io.baseplane.saga.workspace;

import static io.baseplane.saga.testing.CommandAnswers.failTimes;
import static io.baseplane.saga.testing.CommandAnswers.refuse;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
import io.baseplane.saga.common.SupervisedSaga;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceProvisioningSagaTest {

    private static final TenantId TENANT = TenantId.of("6f1c2a3b-0000-4000-8000-000000000001");
    private static final WorkspaceId WORKSPACE = WorkspaceId.of("6f1c2a3b-0000-4000-8000-000000000002");
    private static final String WS = WORKSPACE.toString();
    private static final UserId REQUESTER = UserId.of("alice");
    private static final String NAME = "Design";
    /** A technical failure of a command. */
    private static final IllegalStateException CONNECTION_RESET = new IllegalStateException("connection reset");

    private final SagaTestFixture<WorkspaceProvisioningSaga> fixture =
            new SagaTestFixture<>(WorkspaceProvisioningSaga.class);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingSagaJournal journal = new RecordingSagaJournal();

    @BeforeEach
    void registerResources() {
        fixture.registerResource(notifier);
        SupervisedSagaFixture.register(fixture, journal);
    }

    @Test
    void reservedSlotStartsTheSagaAndCreatesTheWorkspaceWithTheRequesterAsOwner() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectActiveSagas(1)
                .expectAssociationWith("workspaceId", WS)
                .expectDispatchedCommands(create());
    }

    @Test
    void theCreatedOwnerIsToldTheWorkspaceIsReadyAndTheSagaEnds() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(notifier.sent()).containsExactly(new Notification(
                TENANT, "alice", "workspace.ready", "Workspace 'Design' is ready."));
        assertThat(journal.timeline()).containsExactly(
                "reserve slot SUCCEEDED", "create workspace STARTED", "create workspace SUCCEEDED",
                "notify requester STARTED", "notify requester SUCCEEDED", "end ENDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("WorkspaceProvisioning");
            assertThat(entry.sagaKey()).isEqualTo(WS);
            assertThat(entry.tenantId()).isEqualTo(TENANT);
            assertThat(entry.sagaId()).isNotBlank();
        });
    }

    @Test
    void readyNoticeUsesTheNameTheWorkspaceWasCreatedWith() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(new WorkspaceCreated(WORKSPACE, TENANT, "Design team", "UI work"))
                .whenPublishingA(ownerAdded())
                .expectActiveSagas(0);

        assertThat(notifier.sent()).extracting(Notification::body)
                .containsExactly("Workspace 'Design team' is ready.");
    }

    @Test
    void anotherUserJoiningDoesNotCountAsTheOwnerStep() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(new MemberAdded(WORKSPACE, TENANT, UserId.of("bob"), WorkspaceRole.OWNER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void refusedCreateReleasesTheSlotWithTheRefusalAsReason() {
        refuse(fixture, CreateWorkspaceCommand.class, new RuleViolationException("workspace.name-taken",
                "Workspace name 'Design' is taken"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(create(), new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE,
                        "create workspace failed: Workspace name 'Design' is taken"));

        assertThat(journal.timeline()).containsExactly("reserve slot SUCCEEDED", "create workspace STARTED",
                "create workspace FAILED", "release slot COMPENSATING");
    }

    @Test
    void anIdTakenByAnotherAggregateIsARefusalThatReleasesTheSlot() {
        refuse(fixture, CreateWorkspaceCommand.class, new RuleViolationException("workspace.id-taken", "The id is in use"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectDispatchedCommands(create(), new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE,
                        "create workspace failed: The id is in use"));
    }

    @Test
    void aTechnicalFailureIsRetriedNotCompensated() {
        refuse(fixture, CreateWorkspaceCommand.class, new ConcurrencyException("stale aggregate"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(create())
                .expectScheduledDeadlineWithName(SupervisedSagaFixture.FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).endsWith("handle WorkspaceSlotReserved RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).hasSize(1);
        assertThat(journal.details(StepTransition.RETRYING)).singleElement().asString().contains("ConcurrencyException");
    }

    @Test
    void aRetryThatGoesThroughCarriesOnFromTheFailedStep() {
        failTimes(fixture, CreateWorkspaceCommand.class, 1, CONNECTION_RESET);

        fixture.givenAPublished(reserved())
                .whenTimeElapses(SupervisedSagaFixture.FIRST_BACKOFF)
                .expectDispatchedCommands(create())
                .expectActiveSagas(1);

        assertThat(journal.timeline()).endsWith("handle WorkspaceSlotReserved RETRYING",
                "reserve slot SUCCEEDED", "create workspace STARTED", "handle WorkspaceSlotReserved RESUMED");
    }

    @Test
    void eventsArrivingWhileAStepIsRetriedWaitAndFollowInOrder() {
        failTimes(fixture, CreateWorkspaceCommand.class, 1, CONNECTION_RESET);

        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .andThenAPublished(ownerAdded())
                .whenTimeElapses(SupervisedSagaFixture.FIRST_BACKOFF)
                .expectActiveSagas(0);

        assertThat(notifier.sent()).hasSize(1);
        assertThat(journal.timeline()).endsWith("handle WorkspaceSlotReserved RETRYING",
                "reserve slot SUCCEEDED", "create workspace STARTED", "handle WorkspaceSlotReserved RESUMED",
                "create workspace SUCCEEDED", "notify requester STARTED", "notify requester SUCCEEDED", "end ENDED");
    }

    @Test
    void aStepThatKeepsFailingParksTheSagaForAnOperator() {
        refuse(fixture, CreateWorkspaceCommand.class, CONNECTION_RESET);

        fixture.givenAPublished(reserved())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle WorkspaceSlotReserved RETRYING", "handle WorkspaceSlotReserved RETRYING",
                "handle WorkspaceSlotReserved PARKED");
        assertThat(journal.entries()).filteredOn(entry -> entry.attempt() != null)
                .extracting(entry -> entry.attempt()).containsExactly(1, 2, 3);
    }

    @Test
    void anOperatorsRetryOfAParkedSagaGoesOnFromTheFailedStep() throws Exception {
        AtomicInteger sent = failTimes(fixture, CreateWorkspaceCommand.class, SupervisedSagaFixture.MAX_ATTEMPTS,
                CONNECTION_RESET);

        fixture.givenAPublished(reserved())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(new SagaRetryRequested(journal.sagaId(), "WorkspaceProvisioning", "database is back"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(create());

        assertThat(sent).hasValue(SupervisedSagaFixture.MAX_ATTEMPTS + 1);
        assertThat(journal.timeline()).endsWith("handle WorkspaceSlotReserved PARKED", "reserve slot SUCCEEDED",
                "create workspace STARTED", "handle WorkspaceSlotReserved RESUMED");
    }

    @Test
    void anOperatorsAbortDiscardsTheWorkspaceWhoseDiscardReleasesTheSlot() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(new SagaAbortRequested(journal.sagaId(), "WorkspaceProvisioning", "customer cancelled"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new DiscardWorkspaceCommand(WORKSPACE, "aborted by an operator: customer cancelled"));
    }

    @Test
    void anAbortWhereNoWorkspaceExistsReleasesTheSlotAtOnce() {
        refuse(fixture, DiscardWorkspaceCommand.class, new AggregateNotFoundException(WS, "no workspace"));

        fixture.givenAPublished(reserved())
                .whenPublishingA(new SagaAbortRequested(journal.sagaId(), "WorkspaceProvisioning", "stuck"))
                .expectDispatchedCommands(new DiscardWorkspaceCommand(WORKSPACE, "aborted by an operator: stuck"),
                        new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE, "aborted by an operator: stuck"));
    }

    @Test
    void aFailingNotificationIsRetriedAndNeverDiscardsTheWorkspace() {
        notifier.failWith(new IllegalStateException("outbox unavailable"));

        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(journal.timeline()).endsWith("handle MemberAdded RETRYING");
    }

    @Test
    void aNotificationThatFailsEveryTimeParksTheSagaWithoutTheFailureEscapingTheHandler() throws Exception {
        notifier.failWith(new IllegalStateException("outbox table missing"));

        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .andThenAPublished(ownerAdded())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);

        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle MemberAdded RETRYING", "handle MemberAdded RETRYING", "handle MemberAdded PARKED");
        assertThat(journal.details(StepTransition.PARKED))
                .containsExactly("handle MemberAdded failed: unexpected IllegalStateException");
    }

    @Test
    void anAbortOfASagaWhoseFirstEventNeverWentThroughStillReleasesTheSlot() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateWorkspaceCommand) {
                throw new IllegalStateException("connection reset");
            }
            if (payload instanceof DiscardWorkspaceCommand) {
                throw new AggregateNotFoundException(WS, "no workspace");
            }
            return null;
        });

        fixture.givenAPublished(reserved())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(new SagaAbortRequested(journal.sagaId(), "WorkspaceProvisioning", "stuck"))
                .expectSuccessfulHandlerExecution()
                // The slot was reserved before the saga started; ending without releasing it spends the quota.
                .expectDispatchedCommands(new DiscardWorkspaceCommand(WORKSPACE, "aborted by an operator: stuck"),
                        new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE, "aborted by an operator: stuck"));
    }

    @Test
    void discardedWorkspaceReleasesTheSlotWithTheDiscardReason() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(new WorkspaceDiscarded(WORKSPACE, TENANT, NAME, "aborted: boom"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE, "aborted: boom"));
    }

    @Test
    void releasedSlotEndsTheSaga() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .andThenAPublished(new WorkspaceDiscarded(WORKSPACE, TENANT, NAME, "aborted: boom"))
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, WORKSPACE, "aborted: boom"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("discard workspace COMPENSATED", "release slot COMPENSATING",
                "release slot COMPENSATED", "end ENDED");
    }

    @Test
    void refusedCompensationLeavesTheSagaActiveForOperators() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateWorkspaceCommand || payload instanceof ReleaseWorkspaceSlotCommand) {
                throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1);

        assertThat(journal.timeline()).endsWith("release slot COMPENSATING", "release slot COMPENSATION_FAILED");
        assertThat(journal.details(StepTransition.COMPENSATION_FAILED))
                .containsExactly("release slot failed: Tenant is suspended");
    }

    @Test
    void eventsOfAnotherWorkspaceDoNotReachTheSaga() {
        WorkspaceId other = WorkspaceId.of("6f1c2a3b-0000-4000-8000-000000000003");

        fixture.givenAPublished(reserved())
                .whenPublishingA(new WorkspaceCreated(other, TENANT, "Other", ""))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    private static CreateWorkspaceCommand create() {
        return new CreateWorkspaceCommand(WORKSPACE, TENANT, NAME, "UI work", REQUESTER);
    }

    private static WorkspaceSlotReserved reserved() {
        return new WorkspaceSlotReserved(TENANT, WORKSPACE, NAME, "UI work", REQUESTER);
    }

    private static WorkspaceCreated created() {
        return new WorkspaceCreated(WORKSPACE, TENANT, NAME, "UI work");
    }

    private static MemberAdded ownerAdded() {
        return new MemberAdded(WORKSPACE, TENANT, REQUESTER, WorkspaceRole.OWNER);
    }
}
