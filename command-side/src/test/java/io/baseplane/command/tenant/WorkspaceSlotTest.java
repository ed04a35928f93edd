package io.baseplane.command.tenant;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.FixedMemberCounts;
import io.baseplane.command.testing.InMemoryAggregateIdentifiers;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.ReleaseWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantPlanChanged;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReleased;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reserving and releasing workspace slots: the tenant's side of workspace provisioning. */
class WorkspaceSlotTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId workspaceId = WorkspaceId.random();
    private final UserId alice = new UserId("alice");
    private final Map<String, Object> asAlice = Callers.userOf(tenantId, "alice");
    private final InMemoryWorkspaceNames workspaceNames = new InMemoryWorkspaceNames();
    private final InMemoryAggregateIdentifiers aggregateIdentifiers = new InMemoryAggregateIdentifiers();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(workspaceNames);
        fixture.registerInjectableResource(new FixedMemberCounts());
        fixture.registerInjectableResource(aggregateIdentifiers);
    }

    private TenantCreated created(Plan plan) {
        return new TenantCreated(tenantId, "Acme", plan);
    }

    private WorkspaceSlotReserved reserved(WorkspaceId id) {
        return new WorkspaceSlotReserved(tenantId, id, "Workspace " + id, "", alice);
    }

    private ReserveWorkspaceSlotCommand reserve(String name, String description) {
        return new ReserveWorkspaceSlotCommand(tenantId, workspaceId, name, description, alice);
    }

    @Test
    void reservesASlotWithTheWorkspaceNameStripped() {
        fixture.given(created(Plan.FREE))
                .when(reserve("  Design  ", "Where designs live"), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "Where designs live", alice));
    }

    @Test
    void reservesASlotWithoutADescriptionAsAnEmptyOne() {
        fixture.given(created(Plan.FREE))
                .when(reserve("Design", null), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "", alice));
    }

    @Test
    void refusesASlotBeyondThePlansWorkspaceQuota() {
        fixture.given(created(Plan.FREE),
                        reserved(WorkspaceId.random()), reserved(WorkspaceId.random()), reserved(WorkspaceId.random()))
                .when(reserve("Design", ""), asAlice)
                .expectException(violates("tenant.workspace-quota"))
                .expectExceptionMessage("Plan FREE allows 3 workspaces; tenant already has 3")
                .expectNoEvents();
    }

    @Test
    void freesQuotaWhenASlotIsReleased() {
        WorkspaceId failed = WorkspaceId.random();
        fixture.given(created(Plan.FREE), reserved(WorkspaceId.random()), reserved(WorkspaceId.random()),
                        reserved(failed), new WorkspaceSlotReleased(tenantId, failed, "provisioning failed"))
                .when(reserve("Design", ""), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "", alice));
    }

    @Test
    void aLargerPlanRaisesTheQuota() {
        fixture.given(created(Plan.FREE),
                        reserved(WorkspaceId.random()), reserved(WorkspaceId.random()), reserved(WorkspaceId.random()),
                        new TenantPlanChanged(tenantId, Plan.FREE, Plan.TEAM))
                .when(reserve("Design", ""), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "", alice));
    }

    @Test
    void refusesASlotWhileTheTenantIsSuspended() {
        fixture.given(created(Plan.TEAM), new TenantSuspended(tenantId, "unpaid"))
                .when(reserve("Design", ""), asAlice)
                .expectException(violates("tenant.suspended"))
                .expectNoEvents();
    }

    @Test
    void acceptsSlotsAgainAfterReactivation() {
        fixture.given(created(Plan.TEAM), new TenantSuspended(tenantId, "unpaid"),
                        new TenantReactivated(tenantId, "paid"))
                .when(reserve("Design", ""), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "", alice));
    }

    @Test
    void refusesANameAnotherWorkspaceOfTheTenantHoldsIgnoringCase() {
        workspaceNames.claim(tenantId, "Design");
        fixture.given(created(Plan.TEAM))
                .when(reserve(" DESIGN ", ""), asAlice)
                .expectException(violates("workspace.name-taken"))
                .expectExceptionMessage("A workspace named 'DESIGN' already exists in this tenant")
                .expectNoEvents();
    }

    @Test
    void ignoresNamesTakenInOtherTenants() {
        workspaceNames.claim(TenantId.random(), "Design");
        fixture.given(created(Plan.TEAM))
                .when(reserve("Design", ""), asAlice)
                .expectEvents(new WorkspaceSlotReserved(tenantId, workspaceId, "Design", "", alice));
    }

    @Test
    void refusesReservingASecondSlotForTheSameWorkspace() {
        fixture.given(created(Plan.TEAM), reserved(workspaceId))
                .when(reserve("Design", ""), asAlice)
                .expectException(violates("tenant.workspace-already-reserved"))
                .expectNoEvents();
    }

    @Test
    void refusesAWorkspaceIdAnyAggregateAlreadyUses() {
        aggregateIdentifiers.used(workspaceId);
        fixture.given(created(Plan.TEAM))
                .when(reserve("Design", ""), asAlice)
                .expectException(violates("workspace.id-taken"))
                .expectExceptionMessage(
                        "The id " + workspaceId + " is already in use; choose another id for the workspace")
                .expectNoEvents();
    }

    @Test
    void refusesTheTenantsOwnIdAsAWorkspaceId() {
        aggregateIdentifiers.used(tenantId);
        WorkspaceId sameAsTenant = WorkspaceId.of(tenantId.toString());
        fixture.given(created(Plan.TEAM))
                .when(new ReserveWorkspaceSlotCommand(tenantId, sameAsTenant, "Design", "", alice), asAlice)
                .expectException(violates("workspace.id-taken"))
                .expectNoEvents();
    }

    @Test
    void aRepeatedReservationIsToldItHoldsTheSlotThoughItsWorkspaceNowExists() {
        aggregateIdentifiers.used(workspaceId);
        fixture.given(created(Plan.TEAM), reserved(workspaceId))
                .when(reserve("Design", ""), asAlice)
                .expectException(violates("tenant.workspace-already-reserved"))
                .expectNoEvents();
    }

    @Test
    void aCallerOfAnotherTenantLearnsNothingAboutATakenWorkspaceId() {
        aggregateIdentifiers.used(workspaceId);
        fixture.given(created(Plan.TEAM))
                .when(reserve("Design", ""), Callers.userOf(TenantId.random(), "mallory"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Design\u0000", "De\u001Bsign"})
    void refusesABlankWorkspaceNameOrOneWithControlCharacters(String name) {
        fixture.given(created(Plan.TEAM))
                .when(reserve(name, ""), asAlice)
                .expectException(invalid("name"));
    }

    @Test
    void refusesAWorkspaceNameLongerThanOneHundredCharacters() {
        fixture.given(created(Plan.TEAM))
                .when(reserve("d".repeat(101), ""), asAlice)
                .expectException(invalid("name"));
    }

    @Test
    void refusesADescriptionLongerThanOneThousandCharacters() {
        fixture.given(created(Plan.TEAM))
                .when(reserve("Design", "d".repeat(1001)), asAlice)
                .expectException(invalid("description"));
    }

    @Test
    void refusesASlotRequestedByAnotherTenantAsNotFound() {
        fixture.given(created(Plan.TEAM))
                .when(reserve("Design", ""), Callers.userOf(TenantId.random(), "mallory"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void releasesAReservedSlot() {
        fixture.given(created(Plan.FREE), reserved(workspaceId))
                .when(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, "provisioning failed"), Callers.system())
                .expectEvents(new WorkspaceSlotReleased(tenantId, workspaceId, "provisioning failed"));
    }

    @Test
    void releasingASlotThatIsNotHeldChangesNothing() {
        fixture.given(created(Plan.FREE), reserved(workspaceId),
                        new WorkspaceSlotReleased(tenantId, workspaceId, "provisioning failed"))
                .when(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, "retried"), Callers.system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasesASlotEvenWhileTheTenantIsSuspended() {
        fixture.given(created(Plan.FREE), reserved(workspaceId), new TenantSuspended(tenantId, "unpaid"))
                .when(new ReleaseWorkspaceSlotCommand(tenantId, workspaceId, "provisioning failed"), Callers.system())
                .expectEvents(new WorkspaceSlotReleased(tenantId, workspaceId, "provisioning failed"));
    }
}
