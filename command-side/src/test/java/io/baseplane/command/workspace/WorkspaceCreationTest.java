package io.baseplane.command.workspace;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.CreateWorkspaceCommand;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating a workspace: tenant isolation, the tenant's standing and name uniqueness. */
class WorkspaceCreationTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final Map<String, Object> asAlice = Callers.userOf(tenantId, "alice");
    private final InMemoryTenantDirectory tenants = new InMemoryTenantDirectory().active(tenantId, Plan.FREE);
    private final InMemoryWorkspaceNames workspaceNames = new InMemoryWorkspaceNames();
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(workspaceNames);
    }

    private CreateWorkspaceCommand create(String name, String description) {
        return new CreateWorkspaceCommand(workspaceId, tenantId, name, description);
    }

    @Test
    void createsAWorkspaceWithItsNameStripped() {
        fixture.givenNoPriorActivity()
                .when(create("  Design ", "Where designs live"), asAlice)
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", "Where designs live"));
    }

    @Test
    void createsAWorkspaceWithoutADescriptionAsAnEmptyOne() {
        fixture.givenNoPriorActivity()
                .when(create("Design", null), Callers.system())
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", ""));
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
                .when(new CreateWorkspaceCommand(workspaceId, unknown, "Design", ""), Callers.system())
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
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "Design", ""));
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
                .expectEvents(new WorkspaceCreated(workspaceId, tenantId, "w".repeat(100), ""));
    }

    @Test
    void refusesADescriptionLongerThanOneThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(create("Design", "d".repeat(1001)), asAlice)
                .expectException(invalid("description"));
    }
}
