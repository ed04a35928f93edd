package io.baseplane.saga.tenant;

import static io.baseplane.saga.testing.CommandAnswers.failTimes;
import static io.baseplane.saga.testing.CommandAnswers.refuse;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
import io.baseplane.kernel.tenant.CompleteTenantOnboardingCommand;
import io.baseplane.kernel.tenant.FailTenantOnboardingCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.time.Duration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantOnboardingSagaTest {

    private static final TenantId TENANT = TenantId.of("7a2d3c4b-0000-4000-8000-000000000001");
    private static final UserId OWNER = UserId.of("olivia");
    private static final WorkspaceId DEFAULT = DefaultWorkspace.idOf(TENANT);
    private static final String ABORTED = "aborted by an operator: customer cancelled";

    private final SagaTestFixture<TenantOnboardingSaga> fixture = new SagaTestFixture<>(TenantOnboardingSaga.class);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingSagaJournal journal = new RecordingSagaJournal();

    @BeforeEach
    void registerResources() {
        fixture.registerResource(notifier);
        SupervisedSagaFixture.register(fixture, journal);
    }

    // ---- the forward path ---------------------------------------------------------------------------

    @Test
    void aNewTenantReservesASlotForItsDefaultWorkspaceOwnedByItsOwner() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectAssociationWith("tenantId", TENANT.toString())
                .expectAssociationWith("workspaceId", DEFAULT.toString())
                .expectDispatchedCommands(reserve());
    }

    @Test
    void theDefaultWorkspaceIdIsTheSameForTheSameTenantAndDiffersBetweenTenants() {
        assertThat(DefaultWorkspace.idOf(TENANT)).isEqualTo(DEFAULT);
        assertThat(DefaultWorkspace.idOf(TenantId.random())).isNotEqualTo(DEFAULT);
    }

    @Test
    void aTenantWithoutOwnerPredatesOnboardingAndIsLeftAloneWithoutATrace() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new TenantCreated(TENANT, "Acme", Plan.TEAM))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void theOwnerInTheDefaultWorkspaceIsWelcomedAndTheTenantMadeActive() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceCreated(DEFAULT, TENANT, "General", "Created with the tenant"))
                .whenPublishingA(ownerAdded())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CompleteTenantOnboardingCommand(TENANT, DEFAULT));

        assertThat(notifier.sent()).singleElement().satisfies(welcome -> {
            assertThat(welcome.recipient()).isEqualTo("olivia");
            assertThat(welcome.topic()).isEqualTo("tenant.welcome");
            assertThat(welcome.body()).contains("Acme").contains("General");
        });
    }

    @Test
    void otherMembersOfTheDefaultWorkspaceAreNotTheOwnerStep() {
        fixture.givenAPublished(created())
                .whenPublishingA(new MemberAdded(DEFAULT, TENANT, UserId.of("bob"), WorkspaceRole.OWNER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void completedOnboardingEndsTheSagaWithTheWholeTimelineJournaled() {
        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .whenPublishingA(new TenantOnboardingCompleted(TENANT, DEFAULT))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly("provision default workspace STARTED",
                "provision default workspace SUCCEEDED", "welcome owner STARTED", "welcome owner SUCCEEDED",
                "activate tenant STARTED", "activate tenant SUCCEEDED", "end ENDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("TenantOnboarding");
            assertThat(entry.sagaKey()).isEqualTo(TENANT.toString());
            assertThat(entry.sagaId()).isNotBlank();
        });
    }

    @Test
    void eventsOfAnotherWorkspaceDoNotReachTheSaga() {
        WorkspaceId other = WorkspaceId.random();

        fixture.givenAPublished(created())
                .whenPublishingA(new MemberAdded(other, TENANT, OWNER, WorkspaceRole.OWNER))
                .expectNoDispatchedCommands();

        assertThat(notifier.sent()).isEmpty();
    }

    // ---- refusals compensate ------------------------------------------------------------------------

    @Test
    void aRefusedReservationMarksTheOnboardingFailedWithTheReason() {
        refuse(fixture, ReserveWorkspaceSlotCommand.class,
                new RuleViolationException("tenant.suspended", "Tenant is suspended"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(reserve(), new FailTenantOnboardingCommand(TENANT,
                        "provision default workspace failed: Tenant is suspended"));

        assertThat(journal.timeline()).containsExactly("provision default workspace STARTED",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING");
    }

    @Test
    void aProvisioningThatRolledItselfBackMarksTheOnboardingFailed() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceDiscarded(DEFAULT, TENANT, "General", "create workspace failed: boom"))
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailTenantOnboardingCommand(TENANT, "create workspace failed: boom"));

        assertThat(journal.timeline()).containsExactly("provision default workspace STARTED",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING");
    }

    @Test
    void aDiscardByTheProvisioningSagaIsNotUndoneTwice() {
        fixture.givenAPublished(created())
                .whenPublishingA(new WorkspaceDiscarded(DEFAULT, TENANT, "General", "create workspace failed: boom"))
                .expectNoDispatchedCommands();
    }

    @Test
    void failedOnboardingEndsTheSaga() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .whenPublishingA(new TenantOnboardingFailed(TENANT, "create workspace failed: boom"))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("mark onboarding failed COMPENSATED", "end ENDED");
    }

    @Test
    void aRefusedActivationIsJournaledForOperatorsAndTheSagaWaits() {
        refuse(fixture, CompleteTenantOnboardingCommand.class,
                new RuleViolationException("tenant.onboarding-finished", "Tenant is not onboarding"));

        fixture.givenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new CompleteTenantOnboardingCommand(TENANT, DEFAULT));

        assertThat(journal.details(StepTransition.FAILED))
                .containsExactly("activate tenant failed: Tenant is not onboarding");
    }

    @Test
    void aRefusedCompensationIsJournaledAndTheSagaStaysForOperators() {
        refuse(fixture, FailTenantOnboardingCommand.class, new RuleViolationException("tenant.deleted", "Tenant is deleted"));

        fixture.givenAPublished(created())
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);

        assertThat(journal.details(StepTransition.COMPENSATION_FAILED))
                .containsExactly("mark onboarding failed failed: Tenant is deleted");
    }

    // ---- technical failures are retried, never compensated ------------------------------------------

    @Test
    void aReservationThatFailsTechnicallyIsRetriedAfterTheBackoffAndLeavesNoAssociationBehind() {
        failTimes(fixture, ReserveWorkspaceSlotCommand.class, 1, new ConcurrencyException("stale tenant"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(reserve())
                .expectNoAssociationWith("workspaceId", DEFAULT.toString())
                .expectScheduledDeadlineWithName(SupervisedSagaFixture.FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).endsWith("handle TenantCreated RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).singleElement().asString()
                .contains("ConcurrencyException");
    }

    @Test
    void aRetriedReservationGoesOnWithoutMarkingTheOnboardingFailed() {
        failTimes(fixture, ReserveWorkspaceSlotCommand.class, 1, new ConcurrencyException("stale tenant"));

        fixture.givenAPublished(created())
                .whenTimeElapses(SupervisedSagaFixture.FIRST_BACKOFF)
                .expectActiveSagas(1)
                .expectDispatchedCommands(reserve())
                .expectAssociationWith("workspaceId", DEFAULT.toString())
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).endsWith("handle TenantCreated RETRYING",
                "provision default workspace STARTED", "handle TenantCreated RESUMED");
        assertThat(journal.timeline()).noneMatch(line -> line.contains("COMPENSAT") || line.contains("FAILED"));
    }

    @Test
    void aFailingWelcomeIsRetriedAndNeverDiscardsTheDefaultWorkspace() {
        notifier.failWith(new IllegalStateException("outbox unavailable"));

        fixture.givenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(SupervisedSagaFixture.FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).endsWith("welcome owner STARTED", "handle MemberAdded RETRYING");
    }

    @Test
    void aMarkFailedThatFailsTechnicallyIsRetriedNotJournaledAsACompensationFailure() {
        failTimes(fixture, FailTenantOnboardingCommand.class, 1, new IllegalStateException("database down"));

        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .whenTimeElapses(SupervisedSagaFixture.FIRST_BACKOFF)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailTenantOnboardingCommand(TENANT, "create workspace failed: boom"));

        assertThat(journal.details(StepTransition.COMPENSATION_FAILED)).isEmpty();
        assertThat(journal.timeline()).endsWith("handle WorkspaceSlotReleased RETRYING",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING",
                "handle WorkspaceSlotReleased RESUMED");
    }

    @Test
    void aReservationThatKeepsFailingParksTheOnboardingForAnOperator() {
        failTimes(fixture, ReserveWorkspaceSlotCommand.class, Integer.MAX_VALUE, new ConcurrencyException("stale tenant"));

        fixture.givenAPublished(created())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectActiveSagas(1)
                .expectDispatchedCommands(reserve(), reserve())
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle TenantCreated RETRYING", "handle TenantCreated RETRYING", "handle TenantCreated PARKED");
        assertThat(journal.entries()).filteredOn(entry -> entry.attempt() != null)
                .extracting(entry -> entry.attempt()).containsExactly(1, 2, 3);
        assertThat(journal.timeline()).noneMatch(line -> line.contains("COMPENSAT"));
    }

    @Test
    void aWelcomeThatFailsEveryTimeParksTheSagaWithoutTheFailureEscapingTheHandler() throws Exception {
        notifier.failWith(new IllegalStateException("outbox table missing"));

        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .andThenTimeElapses(Duration.ofMinutes(5))
                // A later event for the saga waits behind the parked one; it does not fail too.
                .whenPublishingA(new TenantOnboardingCompleted(TENANT, DEFAULT))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle MemberAdded RETRYING", "handle MemberAdded RETRYING", "handle MemberAdded PARKED");
        assertThat(journal.timeline()).doesNotContain("activate tenant SUCCEEDED");
    }

    // ---- operators ----------------------------------------------------------------------------------

    @Test
    void anOperatorsRetryOfAParkedOnboardingGoesOnFromTheFailedStep() throws Exception {
        notifier.failWith(new IllegalStateException("outbox unavailable"));
        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .andThenTimeElapses(Duration.ofMinutes(5));
        notifier.failWith(null);

        fixture.whenPublishingA(new SagaRetryRequested(journal.sagaId(), "TenantOnboarding", "outbox is back"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CompleteTenantOnboardingCommand(TENANT, DEFAULT));

        assertThat(notifier.sent()).hasSize(1);
        assertThat(journal.timeline()).endsWith("handle MemberAdded PARKED", "provision default workspace SUCCEEDED",
                "welcome owner STARTED", "welcome owner SUCCEEDED", "activate tenant STARTED",
                "handle MemberAdded RESUMED");
    }

    @Test
    void anOperatorsRetryCountsTheAttemptsAnew() throws Exception {
        failTimes(fixture, ReserveWorkspaceSlotCommand.class, Integer.MAX_VALUE, new ConcurrencyException("stale tenant"));

        fixture.givenAPublished(created())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .andThenAPublished(new SagaRetryRequested(journal.sagaId(), "TenantOnboarding", "try again"))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();

        assertThat(journal.entries()).filteredOn(entry -> entry.attempt() != null)
                .extracting(entry -> entry.transition() + " " + entry.attempt())
                .containsExactly("RETRYING 1", "RETRYING 2", "PARKED 3", "RETRYING 1", "RETRYING 2", "PARKED 3");
    }

    @Test
    void anOperatorsAbortDiscardsTheDefaultWorkspace() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceCreated(DEFAULT, TENANT, "General", "Created with the tenant"))
                .whenPublishingA(abort())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DiscardWorkspaceCommand(DEFAULT, ABORTED));

        assertThat(journal.timeline()).endsWith("discard default workspace COMPENSATING");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsExactly(ABORTED);
    }

    @Test
    void theDiscardedDefaultWorkspaceOfAnAbortGivesItsSlotBack() throws Exception {
        fixture.givenAPublished(created())
                .andThenAPublished(abort())
                .whenPublishingA(new WorkspaceDiscarded(DEFAULT, TENANT, "General", ABORTED))
                .expectDispatchedCommands(new ReleaseWorkspaceSlotCommand(TENANT, DEFAULT, ABORTED));
    }

    @Test
    void theReleasedSlotOfAnAbortMarksTheOnboardingFailedAndItsFailureEndsTheSaga() throws Exception {
        fixture.givenAPublished(created())
                .andThenAPublished(abort())
                .andThenAPublished(new WorkspaceDiscarded(DEFAULT, TENANT, "General", ABORTED))
                .andThenAPublished(new WorkspaceSlotReleased(TENANT, DEFAULT, ABORTED))
                .whenPublishingA(new TenantOnboardingFailed(TENANT, ABORTED))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("discard default workspace COMPENSATING",
                "discard default workspace COMPENSATED", "release slot COMPENSATING", "release slot COMPENSATED",
                "mark onboarding failed COMPENSATING", "mark onboarding failed COMPENSATED", "end ENDED");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsOnly(ABORTED);
    }

    @Test
    void anAbortPassesEachRefusedUndoOnToTheNextDownToMarkingTheOnboardingFailed() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof DiscardWorkspaceCommand) {
                throw new AggregateNotFoundException(DEFAULT.toString(), "no workspace");
            }
            if (payload instanceof ReleaseWorkspaceSlotCommand) {
                throw new RuleViolationException("tenant.slot-not-reserved", "No slot is reserved for it");
            }
            return null;
        });

        fixture.givenAPublished(created())
                .whenPublishingA(abort())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DiscardWorkspaceCommand(DEFAULT, ABORTED),
                        new ReleaseWorkspaceSlotCommand(TENANT, DEFAULT, ABORTED),
                        new FailTenantOnboardingCommand(TENANT, ABORTED));

        assertThat(journal.timeline()).endsWith("discard default workspace COMPENSATING",
                "discard default workspace COMPENSATED", "release slot COMPENSATING", "release slot COMPENSATED",
                "mark onboarding failed COMPENSATING");
    }

    @Test
    void anAbortOfAParkedOnboardingDropsTheHeldWelcomeAndDiscardsTheDefaultWorkspace() throws Exception {
        notifier.failWith(new IllegalStateException("outbox unavailable"));

        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new DiscardWorkspaceCommand(DEFAULT, ABORTED));

        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void anAbortThatFailsTechnicallyIsRetriedAndThenUndoesTheOnboarding() throws Exception {
        failTimes(fixture, DiscardWorkspaceCommand.class, 1, new ConcurrencyException("stale workspace"));

        fixture.givenAPublished(created())
                .andThenAPublished(abort())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DiscardWorkspaceCommand(DEFAULT, ABORTED))
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle SagaAbortRequested RETRYING", "handle SagaAbortRequested RESUMED");
        assertThat(journal.timeline()).endsWith("discard default workspace COMPENSATING",
                "handle SagaAbortRequested RESUMED");
    }

    @Test
    void anAbortOfAnOnboardingWhoseFirstEventNeverWentThroughStillMarksItFailed() throws Exception {
        // The reservation never went through: there is no workspace to discard and no slot to release.
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveWorkspaceSlotCommand) {
                throw new ConcurrencyException("stale tenant");
            }
            if (payload instanceof DiscardWorkspaceCommand) {
                throw new AggregateNotFoundException(DEFAULT.toString(), "no workspace");
            }
            if (payload instanceof ReleaseWorkspaceSlotCommand) {
                throw new RuleViolationException("tenant.workspace-not-reserved", "No such reservation");
            }
            return null;
        });

        fixture.givenAPublished(created())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                // The tenant is ONBOARDING; were the saga to end here, nothing would ever mark it failed.
                .expectDispatchedCommands(new DiscardWorkspaceCommand(DEFAULT, ABORTED),
                        new ReleaseWorkspaceSlotCommand(TENANT, DEFAULT, ABORTED),
                        new FailTenantOnboardingCommand(TENANT, ABORTED));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private SagaAbortRequested abort() {
        return new SagaAbortRequested(journal.sagaId(), "TenantOnboarding", "customer cancelled");
    }

    private static ReserveWorkspaceSlotCommand reserve() {
        return new ReserveWorkspaceSlotCommand(TENANT, DEFAULT, "General", "Created with the tenant", OWNER);
    }

    private static TenantCreated created() {
        return new TenantCreated(TENANT, "Acme", Plan.TEAM, OWNER);
    }

    private static MemberAdded ownerAdded() {
        return new MemberAdded(DEFAULT, TENANT, OWNER, WorkspaceRole.OWNER);
    }
}
