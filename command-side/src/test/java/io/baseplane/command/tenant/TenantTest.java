package io.baseplane.command.tenant;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.FixedMemberCounts;
import io.baseplane.command.testing.InMemoryAggregateIdentifiers;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.ChangeTenantPlanCommand;
import io.baseplane.kernel.tenant.CreateTenantCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.ReactivateTenantCommand;
import io.baseplane.kernel.tenant.SuspendTenantCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creation, plan changes and suspension of a tenant. */
class TenantTest {

    private final TenantId tenantId = TenantId.random();
    private final Map<String, Object> alice = Callers.userOf(tenantId, "alice");
    private final Map<String, Object> mallory = Callers.userOf(TenantId.random(), "mallory");
    private final FixedMemberCounts memberCounts = new FixedMemberCounts();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(memberCounts);
        fixture.registerInjectableResource(new InMemoryWorkspaceNames());
        fixture.registerInjectableResource(new InMemoryAggregateIdentifiers());
    }

    private TenantCreated created(Plan plan) {
        return new TenantCreated(tenantId, "Acme", plan);
    }

    private WorkspaceSlotReserved slot() {
        WorkspaceId workspaceId = WorkspaceId.random();
        return new WorkspaceSlotReserved(tenantId, workspaceId, "Workspace " + workspaceId, "", new UserId("alice"));
    }

    // --- creation

    @Test
    void createsATenantOnAPlanWithItsNameStripped() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "  Acme  ", Plan.FREE), alice)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantCreated(tenantId, "Acme", Plan.FREE, UserId.of("alice")));
    }

    @Test
    void acceptsANameOfExactlyOneHundredCharacters() {
        String name = "a".repeat(100);
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, name, Plan.TEAM), alice)
                .expectEvents(new TenantCreated(tenantId, name, Plan.TEAM, UserId.of("alice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Acme\u0007Corp", "Acme\nCorp"})
    void refusesABlankNameOrOneWithControlCharacters(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, name, Plan.FREE), alice)
                .expectException(invalid("name"))
                .expectNoEvents();
    }

    @Test
    void refusesANameLongerThanOneHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "a".repeat(101), Plan.FREE), alice)
                .expectException(invalid("name"))
                .expectExceptionMessage("name must be at most 100 characters");
    }

    @Test
    void refusesATenantWithoutAPlan() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "Acme", null), alice)
                .expectException(invalid("plan"));
    }

    @Test
    void refusesACallerOfAnotherTenantCreatingATenant() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "Acme", Plan.FREE), mallory)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void letsTheSystemCreateATenantForAnyone() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "Acme", Plan.ENTERPRISE, UserId.of("olivia")), Callers.system())
                .expectEvents(new TenantCreated(tenantId, "Acme", Plan.ENTERPRISE, UserId.of("olivia")));
    }

    @Test
    void makesTheNamedOwnerTheOwnerRatherThanTheCaller() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "Acme", Plan.TEAM, UserId.of("olivia")), alice)
                .expectEvents(new TenantCreated(tenantId, "Acme", Plan.TEAM, UserId.of("olivia")));
    }

    @Test
    void refusesATenantWithoutOwnerFromACallerWhoIsNoUser() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(tenantId, "Acme", Plan.TEAM), Map.of())
                .expectException(invalid("owner"))
                .expectNoEvents();
    }

    // --- plan changes

    @Test
    void changesThePlanAndRecordsThePreviousOne() {
        fixture.given(created(Plan.FREE))
                .when(new ChangeTenantPlanCommand(tenantId, Plan.TEAM, null), alice)
                .expectEvents(new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM));
    }

    @Test
    void changingToTheCurrentPlanChangesNothing() {
        fixture.given(created(Plan.TEAM))
                .when(new ChangeTenantPlanCommand(tenantId, Plan.TEAM, null), alice)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAPlanChangeWithoutAPlan() {
        fixture.given(created(Plan.TEAM))
                .when(new ChangeTenantPlanCommand(tenantId, null, null), alice)
                .expectException(invalid("plan"));
    }

    @Test
    void refusesADowngradeToFewerWorkspacesThanTheTenantHolds() {
        fixture.given(created(Plan.TEAM), slot(), slot(), slot(), slot())
                .when(new ChangeTenantPlanCommand(tenantId, Plan.FREE, null), alice)
                .expectException(violates("tenant.plan-downgrade-workspaces"))
                .expectExceptionMessage("Plan FREE allows 3 workspaces; tenant has 4. "
                        + "Remove workspaces before changing the plan")
                .expectNoEvents();
    }

    @Test
    void refusesADowngradeBelowTheMembersOfTheFullestWorkspace() {
        memberCounts.largest(tenantId, 6);
        fixture.given(created(Plan.TEAM))
                .when(new ChangeTenantPlanCommand(tenantId, Plan.FREE, null), alice)
                .expectException(violates("tenant.plan-downgrade-members"))
                .expectExceptionMessage("Plan FREE allows 5 members per workspace; the tenant's largest "
                        + "workspace has 6. Remove members before changing the plan")
                .expectNoEvents();
    }

    @Test
    void allowsADowngradeThatExactlyFitsCurrentUsage() {
        memberCounts.largest(tenantId, 5);
        fixture.given(created(Plan.TEAM), slot(), slot(), slot())
                .when(new ChangeTenantPlanCommand(tenantId, Plan.FREE, null), alice)
                .expectEvents(new TenantPlanChanged(tenantId, Plan.TEAM, Plan.FREE));
    }

    @Test
    void refusesAPlanChangeByAnotherTenantAsNotFound() {
        fixture.given(created(Plan.FREE))
                .when(new ChangeTenantPlanCommand(tenantId, Plan.ENTERPRISE, null), mallory)
                .expectException(NotFoundException.class)
                .expectException(notFound("tenant"))
                .expectNoEvents();
    }

    // --- suspension

    @Test
    void suspendsAnActiveTenant() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(tenantId, "unpaid invoice", null), alice)
                .expectEvents(new TenantSuspended(tenantId, "unpaid invoice"));
    }

    @Test
    void suspendsWithoutAReasonAsAnEmptyReason() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(tenantId, null, null), alice)
                .expectEvents(new TenantSuspended(tenantId, ""));
    }

    @Test
    void refusesToSuspendASuspendedTenant() {
        fixture.given(created(Plan.FREE), new TenantSuspended(tenantId, "first"))
                .when(new SuspendTenantCommand(tenantId, "again", null), alice)
                .expectException(violates("tenant.already-suspended"))
                .expectNoEvents();
    }

    @Test
    void refusesASuspensionReasonWithControlCharacters() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(tenantId, "bad\u0000reason", null), alice)
                .expectException(invalid("reason"));
    }

    @Test
    void refusesASuspensionReasonLongerThanFiveHundredCharacters() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(tenantId, "r".repeat(501), null), alice)
                .expectException(invalid("reason"));
    }

    @Test
    void reactivatesASuspendedTenant() {
        fixture.given(created(Plan.FREE), new TenantSuspended(tenantId, "unpaid invoice"))
                .when(new ReactivateTenantCommand(tenantId, "paid", null), alice)
                .expectEvents(new TenantReactivated(tenantId, "paid"));
    }

    @Test
    void refusesToReactivateATenantThatIsNotSuspended() {
        fixture.given(created(Plan.FREE))
                .when(new ReactivateTenantCommand(tenantId, "why", null), alice)
                .expectException(violates("tenant.not-suspended"))
                .expectNoEvents();
    }

    @Test
    void refusesSuspensionByAnotherTenantAsNotFound() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(tenantId, "spite", null), mallory)
                .expectException(NotFoundException.class);
    }

    @Test
    void refusesReactivationByAnotherTenantAsNotFound() {
        fixture.given(created(Plan.FREE), new TenantSuspended(tenantId, "unpaid"))
                .when(new ReactivateTenantCommand(tenantId, "free ride", null), mallory)
                .expectException(NotFoundException.class);
    }
}
