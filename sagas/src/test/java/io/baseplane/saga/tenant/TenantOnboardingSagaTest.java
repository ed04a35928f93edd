package io.baseplane.saga.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.UserId;
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
import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantOnboardingSagaTest {

    private static final TenantId TENANT = TenantId.of("7a2d3c4b-0000-4000-8000-000000000001");
    private static final UserId OWNER = UserId.of("olivia");
    private static final WorkspaceId DEFAULT = DefaultWorkspace.idOf(TENANT);

    private final SagaTestFixture<TenantOnboardingSaga> fixture = new SagaTestFixture<>(TenantOnboardingSaga.class);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingSagaJournal journal = new RecordingSagaJournal();

    @BeforeEach
    void registerResources() {
        fixture.registerResource(notifier);
        fixture.registerResource(journal);
    }

    @Test
    void aNewTenantReservesASlotForItsDefaultWorkspaceOwnedByItsOwner() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectAssociationWith("tenantId", TENANT.toString())
                .expectAssociationWith("workspaceId", DEFAULT.toString())
                .expectDispatchedCommands(new ReserveWorkspaceSlotCommand(TENANT, DEFAULT, "General",
                        "Created with the tenant", OWNER));
    }

    @Test
    void theDefaultWorkspaceIdIsTheSameForTheSameTenantAndDiffersBetweenTenants() {
        assertThat(DefaultWorkspace.idOf(TENANT)).isEqualTo(DEFAULT);
        assertThat(DefaultWorkspace.idOf(TenantId.random())).isNotEqualTo(DEFAULT);
    }

    @Test
    void aTenantWithoutOwnerPredatesOnboardingAndIsLeftAlone() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new TenantCreated(TENANT, "Acme", Plan.TEAM))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
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
                "activate tenant STARTED", "activate tenant SUCCEEDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("TenantOnboarding");
            assertThat(entry.sagaKey()).isEqualTo(TENANT.toString());
        });
    }

    @Test
    void aRefusedReservationMarksTheOnboardingFailedWithTheReason() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveWorkspaceSlotCommand) {
                throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ReserveWorkspaceSlotCommand(TENANT, DEFAULT, "General", "Created with the tenant", OWNER),
                        new FailTenantOnboardingCommand(TENANT,
                                "provision default workspace failed: Tenant is suspended"));

        assertThat(journal.timeline()).containsExactly("provision default workspace STARTED",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING");
    }

    @Test
    void aProvisioningThatRolledItselfBackMarksTheOnboardingFailed() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceDiscarded(DEFAULT, TENANT, "General", "add owner failed: boom"))
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, DEFAULT, "add owner failed: boom"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailTenantOnboardingCommand(TENANT, "add owner failed: boom"));

        assertThat(journal.timeline()).containsExactly("provision default workspace STARTED",
                "provision default workspace FAILED", "mark onboarding failed COMPENSATING");
    }

    @Test
    void aDiscardByTheProvisioningSagaIsNotUndoneTwice() {
        fixture.givenAPublished(created())
                .whenPublishingA(new WorkspaceDiscarded(DEFAULT, TENANT, "General", "add owner failed: boom"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedWelcomeDiscardsTheDefaultWorkspace() {
        notifier.failWith(new RuleViolationException("notification.rejected", "Recipient has no address"));

        fixture.givenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new DiscardWorkspaceCommand(DEFAULT, "welcome owner failed: Recipient has no address"));

        assertThat(journal.timeline()).endsWith("welcome owner STARTED", "welcome owner FAILED",
                "discard default workspace COMPENSATING");
    }

    @Test
    void theDiscardedDefaultWorkspaceGivesItsSlotBackAfterAFailedWelcome() {
        notifier.failWith(new RuleViolationException("notification.rejected", "Recipient has no address"));
        String reason = "welcome owner failed: Recipient has no address";

        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .whenPublishingA(new WorkspaceDiscarded(DEFAULT, TENANT, "General", reason))
                .expectDispatchedCommands(new ReleaseWorkspaceSlotCommand(TENANT, DEFAULT, reason));
    }

    @Test
    void theReleasedSlotAfterAFailedWelcomeMarksTheOnboardingFailed() {
        notifier.failWith(new RuleViolationException("notification.rejected", "Recipient has no address"));
        String reason = "welcome owner failed: Recipient has no address";

        fixture.givenAPublished(created())
                .andThenAPublished(ownerAdded())
                .andThenAPublished(new WorkspaceDiscarded(DEFAULT, TENANT, "General", reason))
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, DEFAULT, reason))
                .expectDispatchedCommands(new FailTenantOnboardingCommand(TENANT, reason));

        assertThat(journal.timeline()).endsWith("discard default workspace COMPENSATED",
                "release slot COMPENSATING", "release slot COMPENSATED", "mark onboarding failed COMPENSATING");
    }

    @Test
    void failedOnboardingEndsTheSaga() {
        fixture.givenAPublished(created())
                .andThenAPublished(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .whenPublishingA(new TenantOnboardingFailed(TENANT, "create workspace failed: boom"))
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("mark onboarding failed COMPENSATED");
    }

    @Test
    void aRefusedActivationIsJournaledForOperatorsAndTheSagaWaits() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CompleteTenantOnboardingCommand) {
                throw new RuleViolationException("tenant.onboarding-finished", "Tenant is not onboarding");
            }
            return null;
        });

        fixture.givenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CompleteTenantOnboardingCommand(TENANT, DEFAULT));

        assertThat(journal.details(StepTransition.FAILED))
                .containsExactly("activate tenant failed: Tenant is not onboarding");
    }

    @Test
    void aFailedCompensationIsJournaledAndTheSagaStaysForOperators() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof FailTenantOnboardingCommand) {
                throw new IllegalStateException("database down");
            }
            return null;
        });

        fixture.givenAPublished(created())
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, DEFAULT, "create workspace failed: boom"))
                .expectActiveSagas(1);

        assertThat(journal.details(StepTransition.COMPENSATION_FAILED))
                .containsExactly("mark onboarding failed failed: unexpected IllegalStateException");
    }

    @Test
    void eventsOfAnotherWorkspaceDoNotReachTheSaga() {
        WorkspaceId other = WorkspaceId.random();

        fixture.givenAPublished(created())
                .whenPublishingA(new MemberAdded(other, TENANT, OWNER, WorkspaceRole.OWNER))
                .expectNoDispatchedCommands();

        assertThat(notifier.sent()).isEmpty();
    }

    private static TenantCreated created() {
        return new TenantCreated(TENANT, "Acme", Plan.TEAM, OWNER);
    }

    private static MemberAdded ownerAdded() {
        return new MemberAdded(DEFAULT, TENANT, OWNER, WorkspaceRole.OWNER);
    }
}
