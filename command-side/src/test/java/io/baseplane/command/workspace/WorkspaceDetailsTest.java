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
import io.baseplane.kernel.workspace.ArchiveWorkspaceCommand;
import io.baseplane.kernel.workspace.ChangeMemberRoleCommand;
import io.baseplane.kernel.workspace.DiscardWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceArchived;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceDescriptionChanged;
import io.baseplane.kernel.workspace.WorkspaceDiscarded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRenamed;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Renaming, describing, archiving and discarding a workspace. */
class WorkspaceDetailsTest {

    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final UserId BOB = new UserId("bob");

    private final Map<String, Object> asAlice = Callers.userOf(TENANT, "alice");
    private final Map<String, Object> asMallory = Callers.userOf(TenantId.random(), "mallory");
    private final InMemoryWorkspaceNames workspaceNames = new InMemoryWorkspaceNames();
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(new InMemoryTenantDirectory().active(TENANT, Plan.TEAM));
        fixture.registerInjectableResource(workspaceNames);
        // The workspace's own name is claimed, as the claim table would hold it.
        workspaceNames.claim(TENANT, "Design");
    }

    private static WorkspaceCreated created() {
        return new WorkspaceCreated(WORKSPACE, TENANT, "Design", "Old description");
    }

    private static UpdateWorkspaceDetailsCommand update(String name, String description) {
        return new UpdateWorkspaceDetailsCommand(WORKSPACE, name, description, null);
    }

    // --- rename and describe

    @Test
    void renamesAndRecordsThePreviousName() {
        fixture.given(created())
                .when(update(" Research ", null), asAlice)
                .expectEvents(new WorkspaceRenamed(WORKSPACE, TENANT, "Design", "Research"));
    }

    @Test
    void changesTheDescription() {
        fixture.given(created())
                .when(update(null, "New description"), asAlice)
                .expectEvents(new WorkspaceDescriptionChanged(WORKSPACE, TENANT, "New description"));
    }

    @Test
    void renamesAndRedescribesInOneCommand() {
        fixture.given(created())
                .when(update("Research", "New description"), asAlice)
                .expectEvents(new WorkspaceRenamed(WORKSPACE, TENANT, "Design", "Research"),
                        new WorkspaceDescriptionChanged(WORKSPACE, TENANT, "New description"));
    }

    @Test
    void updatingToTheCurrentDetailsChangesNothing() {
        fixture.given(created())
                .when(update("  Design  ", "Old description"), asAlice)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void mayChangeTheCaseOfItsOwnName() {
        fixture.given(created())
                .when(update("DESIGN", null), asAlice)
                .expectEvents(new WorkspaceRenamed(WORKSPACE, TENANT, "Design", "DESIGN"));
    }

    @Test
    void refusesARenameToANameAnotherWorkspaceHolds() {
        workspaceNames.claim(TENANT, "Research");
        fixture.given(created())
                .when(update("research", null), asAlice)
                .expectException(violates("workspace.name-taken"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateWithNeitherNameNorDescription() {
        fixture.given(created())
                .when(update(null, null), asAlice)
                .expectException(invalid("name"))
                .expectExceptionMessage("name or description must be given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Re\u0000search"})
    void refusesABlankNewNameOrOneWithControlCharacters(String name) {
        fixture.given(created())
                .when(update(name, null), asAlice)
                .expectException(invalid("name"));
    }

    @Test
    void refusesANewNameLongerThanOneHundredCharacters() {
        fixture.given(created())
                .when(update("r".repeat(101), null), asAlice)
                .expectException(invalid("name"));
    }

    @Test
    void refusesADescriptionLongerThanOneThousandCharacters() {
        fixture.given(created())
                .when(update(null, "d".repeat(1001)), asAlice)
                .expectException(invalid("description"));
    }

    @Test
    void refusesUpdatesOfAnArchivedWorkspace() {
        fixture.given(created(), new WorkspaceArchived(WORKSPACE, TENANT))
                .when(update("Research", null), asAlice)
                .expectException(violates("workspace.archived"))
                .expectNoEvents();
    }

    @Test
    void refusesUpdatesByAnotherTenantAsNotFound() {
        fixture.given(created())
                .when(update("Research", null), asMallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // --- archive

    @Test
    void archives() {
        fixture.given(created())
                .when(new ArchiveWorkspaceCommand(WORKSPACE, null), asAlice)
                .expectEvents(new WorkspaceArchived(WORKSPACE, TENANT));
    }

    @Test
    void refusesArchivingAnArchivedWorkspace() {
        fixture.given(created(), new WorkspaceArchived(WORKSPACE, TENANT))
                .when(new ArchiveWorkspaceCommand(WORKSPACE, null), asAlice)
                .expectException(violates("workspace.archived"))
                .expectNoEvents();
    }

    @Test
    void refusesArchivingByAnotherTenantAsNotFound() {
        fixture.given(created())
                .when(new ArchiveWorkspaceCommand(WORKSPACE, null), asMallory)
                .expectException(NotFoundException.class);
    }

    // --- discard

    @Test
    void discardsWithItsNameSoTheNameCanBeReleased() {
        fixture.given(created(), new MemberAdded(WORKSPACE, TENANT, BOB, WorkspaceRole.OWNER))
                .when(new DiscardWorkspaceCommand(WORKSPACE, "notification failed"), Callers.system())
                .expectEvents(new WorkspaceDiscarded(WORKSPACE, TENANT, "Design", "notification failed"));
    }

    @Test
    void discardsAnArchivedWorkspace() {
        fixture.given(created(), new WorkspaceArchived(WORKSPACE, TENANT))
                .when(new DiscardWorkspaceCommand(WORKSPACE, "cleanup"), Callers.system())
                .expectEvents(new WorkspaceDiscarded(WORKSPACE, TENANT, "Design", "cleanup"));
    }

    @Test
    void discardingTwiceChangesNothing() {
        fixture.given(created(), new WorkspaceDiscarded(WORKSPACE, TENANT, "Design", "failed"))
                .when(new DiscardWorkspaceCommand(WORKSPACE, "retried"), Callers.system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesDiscardingByAnotherTenantAsNotFound() {
        fixture.given(created())
                .when(new DiscardWorkspaceCommand(WORKSPACE, "spite"), asMallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    static Stream<Object> everyOtherCommand() {
        return Stream.of(
                update("Research", null),
                new AddMemberCommand(WORKSPACE, new UserId("carol"), WorkspaceRole.EDITOR, null),
                new ChangeMemberRoleCommand(WORKSPACE, BOB, WorkspaceRole.VIEWER, null),
                new RemoveMemberCommand(WORKSPACE, BOB, null),
                new ArchiveWorkspaceCommand(WORKSPACE, null));
    }

    @ParameterizedTest
    @MethodSource("everyOtherCommand")
    void aDiscardedWorkspaceIsNotFoundByAnyOtherCommand(Object command) {
        fixture.given(created(), new MemberAdded(WORKSPACE, TENANT, BOB, WorkspaceRole.OWNER),
                        new WorkspaceDiscarded(WORKSPACE, TENANT, "Design", "failed"))
                .when(command, asAlice)
                .expectException(notFound("workspace"))
                .expectNoEvents();
    }
}
