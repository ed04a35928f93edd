package io.baseplane.command.workspace;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.InMemoryAggregateIdentifiers;
import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.WorkflowId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.RemoveMemberCommand;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating a workspace with its owner: tenant isolation, the tenant's standing, name and id uniqueness. */
class WorkspaceCreationTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final UserId alice = new UserId("alice");
    private final Map<String, Object> asAlice = Callers.userOf(tenantId, "alice");
    private final InMemoryTenantDirectory tenants = new InMemoryTenantDirectory().active(tenantId, Plan.FREE);
    private final InMemoryWorkspaceNames workspaceNames = new InMemoryWorkspaceNames();
    private final InMemoryAggregateIdentifiers aggregateIdentifiers = new InMemoryAggregateIdentifiers();
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(workspaceNames);
        fixture.registerInjectableResource(aggregateIdentifiers);
    }

    private CreateWorkspaceCommand create(String name, String description) {
        return new CreateWorkspaceCommand(workspaceId, tenantId, name, description, alice);
    }

    private MemberAdded aliceAsOwner() {
        return new MemberAdded(workspaceId, tenantId, alice, WorkspaceRole.OWNER);
    }

    @Test
    void createsAWorkspaceWithItsNameStripped() {
        fixture.givenNoPriorActivity()
                .when(create("  Design ", "Where designs live"), asAlice)
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", "Where designs live"),
                        aliceAsOwner());
    }

    @Test
    void createsAWorkspaceWithoutADescriptionAsAnEmptyOne() {
        fixture.givenNoPriorActivity()
                .when(create("Design", null), Callers.system())
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", ""), aliceAsOwner());
    }

    // --- the owner

    @Test
    void makesTheNamedOwnerAnOwnerInTheSameStep() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkspaceCommand(workspaceId, tenantId, "Design", "", new UserId("olivia")),
                        Callers.system())
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", ""),
                        new MemberAdded(workspaceId, tenantId, new UserId("olivia"), WorkspaceRole.OWNER));
    }

    @Test
    void refusesCreationWithoutAnOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkspaceCommand(workspaceId, tenantId, "Design", "", null), asAlice)
                .expectException(invalid("owner"))
                .expectNoEvents();
    }

    @Test
    void theOwnerIsAMemberAsSoonAsTheWorkspaceExists() {
        fixture.givenCommands(create("Design", ""))
                .when(new AddMemberCommand(workspaceId, alice, WorkspaceRole.EDITOR, null), asAlice)
                .expectException(violates("workspace.duplicate-member"))
                .expectNoEvents();
    }

    @Test
    void theOwnerTakesOneOfThePlansMemberPlaces() {
        fixture.givenCommands(create("Design", ""),
                        new AddMemberCommand(workspaceId, new UserId("editor-2"), WorkspaceRole.EDITOR, null),
                        new AddMemberCommand(workspaceId, new UserId("editor-3"), WorkspaceRole.EDITOR, null),
                        new AddMemberCommand(workspaceId, new UserId("editor-4"), WorkspaceRole.EDITOR, null),
                        new AddMemberCommand(workspaceId, new UserId("editor-5"), WorkspaceRole.EDITOR, null))
                .when(new AddMemberCommand(workspaceId, new UserId("bob"), WorkspaceRole.EDITOR, null), asAlice)
                .expectException(violates("workspace.member-limit"))
                .expectExceptionMessage("Plan FREE allows 5 members per workspace; workspace already has 5");
    }

    @Test
    void theOwnerItWasCreatedWithIsItsLastOwnerAndCannotLeave() {
        fixture.givenCommands(create("Design", ""))
                .when(new RemoveMemberCommand(workspaceId, alice, null), asAlice)
                .expectException(violates("workspace.last-owner"))
                .expectNoEvents();
    }

    // --- the id

    @Test
    void refusesAnIdAnyAggregateAlreadyUses() {
        aggregateIdentifiers.used(workspaceId);
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), asAlice)
                .expectException(violates("workspace.id-taken"))
                .expectExceptionMessage(
                        "The id " + workspaceId + " is already in use; choose another id for the workspace")
                .expectNoEvents();
    }

    @Test
    void refusesTheIdOfAWorkflowAsAWorkspaceId() {
        WorkflowId workflow = WorkflowId.random();
        aggregateIdentifiers.used(workflow);
        fixture.givenNoPriorActivity()
                .when(new CreateWorkspaceCommand(WorkspaceId.of(workflow.toString()), tenantId, "Design", "", alice),
                        asAlice)
                .expectException(violates("workspace.id-taken"))
                .expectNoEvents();
    }

    @Test
    void aCallerOfAnotherTenantLearnsNothingAboutATakenId() {
        aggregateIdentifiers.used(workspaceId);
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), Callers.userOf(TenantId.random(), "mallory"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesCreationInAnotherTenantAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), Callers.userOf(TenantId.random(), "mallory"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesCreationForATenantThatDoesNotExist() {
        TenantId unknown = TenantId.random();
        fixture.givenNoPriorActivity()
                .when(new CreateWorkspaceCommand(workspaceId, unknown, "Design", "", alice), Callers.system())
                .expectException(notFound("tenant"));
    }

    @Test
    void refusesCreationWhileTheTenantIsSuspended() {
        tenants.suspended(tenantId, Plan.TEAM);
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), asAlice)
                .expectException(violates("tenant.suspended"))
                .expectNoEvents();
    }

    @Test
    void refusesCreationInATenantWhoseOnboardingFailed() {
        tenants.onboardingFailed(tenantId, Plan.TEAM);
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), asAlice)
                .expectException(violates("tenant.onboarding-failed"))
                .expectNoEvents();
    }

    @Test
    void acceptsCreationWhileTheTenantIsStillOnboarding() {
        tenants.onboarding(tenantId, Plan.TEAM);
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), asAlice)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesANameTakenInTheTenantIgnoringCaseAndNormalisation() {
        workspaceNames.claim(tenantId, "Café");
        fixture.givenNoPriorActivity()
                .when(create("CAFE\u0301", ""), asAlice)
                .expectException(violates("workspace.name-taken"))
                .expectNoEvents();
    }

    @Test
    void acceptsANameTakenOnlyInAnotherTenant() {
        workspaceNames.claim(TenantId.random(), "Design");
        fixture.givenNoPriorActivity()
                .when(create("Design", ""), asAlice)
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", ""), aliceAsOwner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Design\u0007", "De\u202Esign"})
    void refusesABlankNameOrOneWithControlCharacters(String name) {
        fixture.givenNoPriorActivity()
                .when(create(name, ""), asAlice)
                .expectException(invalid("name"))
                .expectNoEvents();
    }

    @Test
    void refusesANameLongerThanOneHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(create("w".repeat(101), ""), asAlice)
                .expectException(invalid("name"));
    }

    @Test
    void acceptsANameOfExactlyOneHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(create("w".repeat(100), ""), asAlice)
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "w".repeat(100), ""), aliceAsOwner());
    }

    @Test
    void refusesADescriptionLongerThanOneThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(create("Design", "d".repeat(1001)), asAlice)
                .expectException(invalid("description"));
    }
}
