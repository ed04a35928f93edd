package io.baseplane.saga.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.AddMemberCommand;
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
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceProvisioningSagaTest {

    private static final TenantId TENANT = TenantId.of("6f1c2a3b-0000-4000-8000-000000000001");
    private static final WorkspaceId WORKSPACE = WorkspaceId.of("6f1c2a3b-0000-4000-8000-000000000002");
    private static final String WS = WORKSPACE.toString();
    private static final UserId REQUESTER = UserId.of("alice");
    private static final String NAME = "Design";

    private final SagaTestFixture<WorkspaceProvisioningSaga> fixture =
            new SagaTestFixture<>(WorkspaceProvisioningSaga.class);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingSagaJournal journal = new RecordingSagaJournal();

    @BeforeEach
    void registerResources() {
        fixture.registerResource(notifier);
        fixture.registerResource(journal);
    }

    @Test
    void reservedSlotStartsTheSagaAndCreatesTheWorkspace() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectActiveSagas(1)
                .expectAssociationWith("workspaceId", WS)
                .expectDispatchedCommands(new CreateWorkspaceCommand(WORKSPACE, TENANT, NAME, "UI work"));
    }

    @Test
    void createdWorkspaceGetsTheRequesterAsOwner() {
        fixture.givenAPublished(reserved())
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AddMemberCommand(WORKSPACE, REQUESTER, WorkspaceRole.OWNER, null));
    }

    @Test
    void requesterBecomingOwnerIsToldTheWorkspaceIsReadyAndTheSagaEnds() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(notifier.sent()).containsExactly(new Notification(
                TENANT, "alice", "workspace.ready", "Workspace 'Design' is ready."));
        assertThat(journal.timeline()).containsExactly(
                "reserve slot SUCCEEDED", "create workspace STARTED", "create workspace SUCCEEDED",
                "add owner STARTED", "add owner SUCCEEDED", "notify requester STARTED", "notify requester SUCCEEDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("WorkspaceProvisioning");
            assertThat(entry.sagaKey()).isEqualTo(WS);
            assertThat(entry.tenantId()).isEqualTo(TENANT);
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
    void requesterAddedWithAnotherRoleDoesNotCountAsTheOwnerStep() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(new MemberAdded(WORKSPACE, TENANT, REQUESTER, WorkspaceRole.ADMIN))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void failedCreateReleasesTheSlotWithTheRefusalAsReason() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateWorkspaceCommand) {
                throw new RuleViolationException("workspace.name-taken", "Workspace name 'Design' is taken");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateWorkspaceCommand(WORKSPACE, TENANT, NAME, "UI work"),
                        new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE,
                                "create workspace failed: Workspace name 'Design' is taken"));

        assertThat(journal.timeline()).containsExactly("reserve slot SUCCEEDED", "create workspace STARTED",
                "create workspace FAILED", "release slot COMPENSATING");
        assertThat(journal.details(StepTransition.FAILED))
                .containsExactly("create workspace failed: Workspace name 'Design' is taken");
    }

    @Test
    void failedOwnerAssignmentDiscardsTheWorkspace() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AddMemberCommand) {
                throw new RuleViolationException("workspace.member-limit", "Member limit of 5 reached");
            }
            return null;
        });

        fixture.givenAPublished(reserved())
                .whenPublishingA(created())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new AddMemberCommand(WORKSPACE, REQUESTER, WorkspaceRole.OWNER, null),
                        new DiscardWorkspaceCommand(WORKSPACE, "add owner failed: Member limit of 5 reached"));
    }

    @Test
    void unexpectedFailureIsNamedByTypeWithoutLeakingItsMessage() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AddMemberCommand) {
                throw new IllegalStateException("connection to db-7.internal refused");
            }
            return null;
        });

        fixture.givenAPublished(reserved())
                .whenPublishingA(created())
                .expectDispatchedCommands(
                        new AddMemberCommand(WORKSPACE, REQUESTER, WorkspaceRole.OWNER, null),
                        new DiscardWorkspaceCommand(WORKSPACE, "add owner failed: unexpected IllegalStateException"));
    }

    @Test
    void failedNotificationDiscardsTheWorkspaceAndKeepsTheSagaForTheRollback() {
        notifier.failWith(new RuleViolationException("notification.rejected", "Recipient has no address"));

        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(ownerAdded())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new DiscardWorkspaceCommand(WORKSPACE, "notify requester failed: Recipient has no address"));

        assertThat(journal.timeline()).endsWith("notify requester STARTED", "notify requester FAILED",
                "discard workspace COMPENSATING");
    }

    @Test
    void discardedWorkspaceReleasesTheSlotWithTheDiscardReason() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .whenPublishingA(new WorkspaceDiscarded(WORKSPACE, TENANT, NAME, "add owner failed: boom"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE, "add owner failed: boom"));
    }

    @Test
    void releasedSlotEndsTheSaga() {
        fixture.givenAPublished(reserved())
                .andThenAPublished(created())
                .andThenAPublished(new WorkspaceDiscarded(WORKSPACE, TENANT, NAME, "add owner failed: boom"))
                .whenPublishingA(new WorkspaceSlotReleased(TENANT, WORKSPACE, "add owner failed: boom"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).endsWith("discard workspace COMPENSATED", "release slot COMPENSATING",
                "release slot COMPENSATED");
    }

    @Test
    void failedCompensationLeavesTheSagaActiveForOperators() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateWorkspaceCommand || payload instanceof ReleaseWorkspaceSlotCommand) {
                throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateWorkspaceCommand(WORKSPACE, TENANT, NAME, "UI work"),
                        new ReleaseWorkspaceSlotCommand(TENANT, WORKSPACE, "create workspace failed: Tenant is suspended"));

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
