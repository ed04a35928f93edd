package io.baseplane.command.workspace;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.ChangeMemberRoleCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members and their roles: the plan's member limit and the rule that a workspace keeps an owner. */
class WorkspaceMembershipTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final UserId alice = new UserId("alice");
    private final UserId bob = new UserId("bob");
    private final UserId carol = new UserId("carol");
    private final Map<String, Object> asAlice = Callers.userOf(tenantId, "alice");
    private final Map<String, Object> asMallory = Callers.userOf(TenantId.random(), "mallory");
    private final InMemoryTenantDirectory tenants = new InMemoryTenantDirectory().active(tenantId, Plan.FREE);
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(new InMemoryWorkspaceNames());
    }

    private WorkspaceCreated created() {
        return new WorkspaceCreated(workspaceId, tenantId, "Design", "");
    }

    private MemberAdded added(UserId userId, WorkspaceRole role) {
        return new MemberAdded(workspaceId, tenantId, userId, role);
    }

    /** A workspace with Alice as owner and further editors, {@code members} members in all. */
    private List<Object> workspaceWithMembers(int members) {
        List<Object> history = new ArrayList<>(List.of(created(), added(alice, WorkspaceRole.OWNER)));
        for (int i = 2; i <= members; i++) {
            history.add(added(new UserId("editor-" + i), WorkspaceRole.EDITOR));
        }
        return history;
    }

    // --- adding

    @Test
    void addsTheFirstMemberToAFreshWorkspace() {
        fixture.given(created())
                .when(new AddMemberCommand(workspaceId, alice, WorkspaceRole.OWNER, null), Callers.system())
                .expectEvents(added(alice, WorkspaceRole.OWNER));
    }

    @Test
    void addsAMemberWithARole() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.VIEWER, null), asAlice)
                .expectEvents(added(bob, WorkspaceRole.VIEWER));
    }

    @Test
    void addsTheFifthMemberOnTheFreePlan() {
        fixture.given(workspaceWithMembers(4))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectEvents(added(bob, WorkspaceRole.EDITOR));
    }

    @Test
    void refusesAMemberBeyondThePlansMemberLimit() {
        fixture.given(workspaceWithMembers(5))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectException(violates("workspace.member-limit"))
                .expectExceptionMessage("Plan FREE allows 5 members per workspace; workspace already has 5")
                .expectNoEvents();
    }

    @Test
    void aLargerPlanAllowsMoreMembers() {
        tenants.active(tenantId, Plan.TEAM);
        fixture.given(workspaceWithMembers(5))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectEvents(added(bob, WorkspaceRole.EDITOR));
    }

    @Test
    void removingAMemberFreesAPlaceUnderTheLimit() {
        List<Object> history = workspaceWithMembers(5);
        history.add(new MemberRemoved(workspaceId, tenantId, new UserId("editor-5"), WorkspaceRole.EDITOR));
        fixture.given(history)
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectEvents(added(bob, WorkspaceRole.EDITOR));
    }

    @Test
    void refusesADuplicateMember() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.EDITOR))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.ADMIN, null), asAlice)
                .expectException(violates("workspace.duplicate-member"))
                .expectNoEvents();
    }

    @Test
    void refusesAMemberWhileTheTenantIsSuspended() {
        tenants.suspended(tenantId, Plan.FREE);
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectException(violates("tenant.suspended"))
                .expectNoEvents();
    }

    @Test
    void refusesAMemberInAnArchivedWorkspace() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), new WorkspaceArchived(workspaceId, tenantId))
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.EDITOR, null), asAlice)
                .expectException(violates("workspace.archived"))
                .expectNoEvents();
    }

    @Test
    void refusesAMemberWithoutARole() {
        fixture.given(created())
                .when(new AddMemberCommand(workspaceId, bob, null, null), asAlice)
                .expectException(invalid("role"));
    }

    @Test
    void refusesAMemberWithoutAUser() {
        fixture.given(created())
                .when(new AddMemberCommand(workspaceId, null, WorkspaceRole.EDITOR, null), asAlice)
                .expectException(invalid("userId"));
    }

    @Test
    void refusesAddingAMemberFromAnotherTenantAsNotFound() {
        fixture.given(created())
                .when(new AddMemberCommand(workspaceId, bob, WorkspaceRole.OWNER, null), asMallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // --- changing roles

    @Test
    void changesARoleAndRecordsThePreviousOne() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.VIEWER))
                .when(new ChangeMemberRoleCommand(workspaceId, bob, WorkspaceRole.ADMIN, null), asAlice)
                .expectEvents(new MemberRoleChanged(workspaceId, tenantId, bob, WorkspaceRole.VIEWER,
                        WorkspaceRole.ADMIN));
    }

    @Test
    void changingToTheCurrentRoleChangesNothing() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new ChangeMemberRoleCommand(workspaceId, alice, WorkspaceRole.OWNER, null), asAlice)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToDemoteTheLastOwner() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.ADMIN))
                .when(new ChangeMemberRoleCommand(workspaceId, alice, WorkspaceRole.ADMIN, null), asAlice)
                .expectException(violates("workspace.last-owner"))
                .expectNoEvents();
    }

    @Test
    void demotesAnOwnerWhileAnotherOwnerRemains() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.OWNER))
                .when(new ChangeMemberRoleCommand(workspaceId, alice, WorkspaceRole.EDITOR, null), asAlice)
                .expectEvents(new MemberRoleChanged(workspaceId, tenantId, alice, WorkspaceRole.OWNER,
                        WorkspaceRole.EDITOR));
    }

    @Test
    void promotionCountsTowardsTheOwnersThatMayBeDemoted() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.ADMIN),
                        new MemberRoleChanged(workspaceId, tenantId, bob, WorkspaceRole.ADMIN, WorkspaceRole.OWNER))
                .when(new ChangeMemberRoleCommand(workspaceId, alice, WorkspaceRole.VIEWER, null), asAlice)
                .expectEvents(new MemberRoleChanged(workspaceId, tenantId, alice, WorkspaceRole.OWNER,
                        WorkspaceRole.VIEWER));
    }

    @Test
    void refusesChangingTheRoleOfSomeoneWhoIsNotAMember() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new ChangeMemberRoleCommand(workspaceId, carol, WorkspaceRole.ADMIN, null), asAlice)
                .expectException(notFound("member"))
                .expectNoEvents();
    }

    @Test
    void refusesARoleChangeWithoutARole() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new ChangeMemberRoleCommand(workspaceId, alice, null, null), asAlice)
                .expectException(invalid("role"));
    }

    @Test
    void refusesARoleChangeInAnArchivedWorkspace() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.VIEWER),
                        new WorkspaceArchived(workspaceId, tenantId))
                .when(new ChangeMemberRoleCommand(workspaceId, bob, WorkspaceRole.ADMIN, null), asAlice)
                .expectException(violates("workspace.archived"));
    }

    @Test
    void refusesARoleChangeFromAnotherTenantAsNotFound() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.VIEWER))
                .when(new ChangeMemberRoleCommand(workspaceId, bob, WorkspaceRole.OWNER, null), asMallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // --- removing

    @Test
    void removesAMemberAndRecordsTheirRole() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.EDITOR))
                .when(new RemoveMemberCommand(workspaceId, bob, null), asAlice)
                .expectEvents(new MemberRemoved(workspaceId, tenantId, bob, WorkspaceRole.EDITOR));
    }

    @Test
    void refusesToRemoveTheLastOwner() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.ADMIN))
                .when(new RemoveMemberCommand(workspaceId, alice, null), asAlice)
                .expectException(violates("workspace.last-owner"))
                .expectNoEvents();
    }

    @Test
    void removesAnOwnerWhileAnotherOwnerRemains() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.OWNER))
                .when(new RemoveMemberCommand(workspaceId, alice, null), asAlice)
                .expectEvents(new MemberRemoved(workspaceId, tenantId, alice, WorkspaceRole.OWNER));
    }

    @Test
    void refusesRemovingSomeoneWhoIsNotAMember() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER))
                .when(new RemoveMemberCommand(workspaceId, carol, null), asAlice)
                .expectException(notFound("member"))
                .expectNoEvents();
    }

    @Test
    void refusesRemovingAMemberOfAnArchivedWorkspace() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.EDITOR),
                        new WorkspaceArchived(workspaceId, tenantId))
                .when(new RemoveMemberCommand(workspaceId, bob, null), asAlice)
                .expectException(violates("workspace.archived"));
    }

    @Test
    void refusesRemovingAMemberFromAnotherTenantAsNotFound() {
        fixture.given(created(), added(alice, WorkspaceRole.OWNER), added(bob, WorkspaceRole.EDITOR))
                .when(new RemoveMemberCommand(workspaceId, bob, null), asMallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
