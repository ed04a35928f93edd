package io.baseplane.command.workspace;

import static org.hamcrest.Matchers.containsString;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.ForbiddenException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.ArchiveWorkspaceCommand;
import io.baseplane.kernel.workspace.ChangeMemberRoleCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.MemberRemoved;
import io.baseplane.kernel.workspace.MemberRoleChanged;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workspace roles gate what a plain tenant member may do in a workspace: VIEWER and EDITOR change nothing
 * here, ADMIN manages details and non-owner members, only an OWNER makes or unmakes owners and archives.
 * Tenant admins and sagas are not limited.
 */
class WorkspaceRolesTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final UserId olivia = new UserId("olivia");
    private final UserId adam = new UserId("adam");
    private final UserId eddie = new UserId("eddie");
    private final UserId vera = new UserId("vera");
    private final UserId newcomer = new UserId("newcomer");
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(new InMemoryTenantDirectory().active(tenantId, Plan.TEAM));
        fixture.registerInjectableResource(new InMemoryWorkspaceNames());
    }

    @Test
    void aViewerCannotRenameTheWorkspace() {
        refused(givenTeam().when(rename("Viewed"), as("vera")), "ADMIN");
    }

    @Test
    void anEditorCannotAddMembers() {
        refused(givenTeam().when(add(newcomer, WorkspaceRole.VIEWER), as("eddie")), "ADMIN");
    }

    @Test
    void aTenantMemberWhoIsNotInTheWorkspaceCannotChangeIt() {
        givenTeam().when(rename("Outsider"), as("stranger"))
                .expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage(containsString("not a member"));
    }

    @Test
    void anAdminRenamesTheWorkspace() {
        givenTeam().when(rename("Design Ops"), as("adam"))
                .expectEvents(new WorkspaceRenamed(workspaceId, tenantId, "Design", "Design Ops"));
    }

    @Test
    void anAdminAddsAnEditor() {
        givenTeam().when(add(newcomer, WorkspaceRole.EDITOR), as("adam"))
                .expectEvents(new MemberAdded(workspaceId, tenantId, newcomer, WorkspaceRole.EDITOR));
    }

    @Test
    void anAdminCannotMakeAnOwner() {
        refused(givenTeam().when(add(newcomer, WorkspaceRole.OWNER), as("adam")), "OWNER");
        refused(givenTeam().when(new ChangeMemberRoleCommand(workspaceId, eddie, WorkspaceRole.OWNER, null), as("adam")),
                "OWNER");
    }

    @Test
    void anAdminCannotDemoteOrRemoveAnOwner() {
        refused(givenTeam().when(new ChangeMemberRoleCommand(workspaceId, olivia, WorkspaceRole.VIEWER, null), as("adam")),
                "OWNER");
        refused(givenTeam().when(new RemoveMemberCommand(workspaceId, olivia, null), as("adam")), "OWNER");
    }

    @Test
    void anAdminRemovesAnEditor() {
        givenTeam().when(new RemoveMemberCommand(workspaceId, eddie, null), as("adam"))
                .expectEvents(new MemberRemoved(workspaceId, tenantId, eddie, WorkspaceRole.EDITOR));
    }

    @Test
    void anyMemberMayLeave() {
        givenTeam().when(new RemoveMemberCommand(workspaceId, vera, null), as("vera"))
                .expectEvents(new MemberRemoved(workspaceId, tenantId, vera, WorkspaceRole.VIEWER));
    }

    @Test
    void onlyAnOwnerArchives() {
        refused(givenTeam().when(new ArchiveWorkspaceCommand(workspaceId, null), as("adam")), "OWNER");
        givenTeam().when(new ArchiveWorkspaceCommand(workspaceId, null), as("olivia"))
                .expectEvents(new WorkspaceArchived(workspaceId, tenantId));
    }

    @Test
    void anOwnerMakesAnotherOwner() {
        givenTeam().when(new ChangeMemberRoleCommand(workspaceId, adam, WorkspaceRole.OWNER, null), as("olivia"))
                .expectEvents(new MemberRoleChanged(workspaceId, tenantId, adam, WorkspaceRole.ADMIN, WorkspaceRole.OWNER));
    }

    @Test
    void aTenantAdminIsNotLimitedByWorkspaceRoles() {
        givenTeam().when(new ArchiveWorkspaceCommand(workspaceId, null), Callers.adminOf(tenantId, "tina"))
                .expectEvents(new WorkspaceArchived(workspaceId, tenantId));
    }

    @Test
    void aSagaContinuingAPermittedChainIsNotLimited() {
        givenTeam().when(add(newcomer, WorkspaceRole.OWNER), Callers.userOf(tenantId, "vera"))
                .expectEvents(new MemberAdded(workspaceId, tenantId, newcomer, WorkspaceRole.OWNER));
    }

    private TestExecutor<Workspace> givenTeam() {
        return fixture.given(new WorkspaceCreated(workspaceId, tenantId, "Design", ""),
                new MemberAdded(workspaceId, tenantId, olivia, WorkspaceRole.OWNER),
                new MemberAdded(workspaceId, tenantId, adam, WorkspaceRole.ADMIN),
                new MemberAdded(workspaceId, tenantId, eddie, WorkspaceRole.EDITOR),
                new MemberAdded(workspaceId, tenantId, vera, WorkspaceRole.VIEWER));
    }

    private Map<String, Object> as(String userId) {
        return Callers.memberOf(tenantId, userId);
    }

    private UpdateWorkspaceDetailsCommand rename(String name) {
        return new UpdateWorkspaceDetailsCommand(workspaceId, name, null, null);
    }

    private AddMemberCommand add(UserId userId, WorkspaceRole role) {
        return new AddMemberCommand(workspaceId, userId, role, null);
    }

    private static void refused(ResultValidator<Workspace> result, String neededRole) {
        result.expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage(containsString("Only a workspace " + neededRole));
    }
}
