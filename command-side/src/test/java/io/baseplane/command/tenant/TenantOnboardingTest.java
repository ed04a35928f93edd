package io.baseplane.command.tenant;

import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.Callers;
import io.baseplane.command.testing.FixedMemberCounts;
import io.baseplane.command.testing.InMemoryAggregateIdentifiers;
import io.baseplane.command.testing.InMemoryWorkspaceNames;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.CompleteTenantOnboardingCommand;
import io.baseplane.kernel.tenant.FailTenantOnboardingCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.ReactivateTenantCommand;
import io.baseplane.kernel.tenant.ReserveWorkspaceSlotCommand;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.TenantOnboardingCompleted;
import io.baseplane.kernel.tenant.TenantOnboardingFailed;
import io.baseplane.kernel.tenant.TenantReactivated;
import io.baseplane.kernel.tenant.TenantStatus;
import io.baseplane.kernel.tenant.TenantSuspended;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant is ONBOARDING until its onboarding saga completes it (ACTIVE) or gives up (ONBOARDING_FAILED). */
class TenantOnboardingTest {

    private final TenantId tenantId = TenantId.random();
    private final WorkspaceId defaultWorkspace = WorkspaceId.random();
    private final UserId olivia = UserId.of("olivia");
    private final Map<String, Object> operator = Callers.system();
    private final Map<String, Object> asOlivia = Callers.adminOf(tenantId, "olivia");
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(new InMemoryWorkspaceNames());
        fixture.registerInjectableResource(new FixedMemberCounts());
        fixture.registerInjectableResource(new InMemoryAggregateIdentifiers());
    }

    @Test
    void aNewTenantIsOnboardingAndAlreadyTakesWork() {
        fixture.given(created())
                .when(reserve(), asOlivia)
                .expectEvents(new WorkspaceSlotReserved(tenantId, defaultWorkspace, "General", "", olivia))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.ONBOARDING));
    }

    @Test
    void completingTheOnboardingMakesTheTenantActive() {
        fixture.given(created())
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), operator)
                .expectEvents(new TenantOnboardingCompleted(tenantId, defaultWorkspace))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.ACTIVE));
    }

    @Test
    void completingItAgainChangesNothing() {
        fixture.given(created(), new TenantOnboardingCompleted(tenantId, defaultWorkspace))
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), operator)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failingTheOnboardingLeavesTheTenantOnboardingFailed() {
        fixture.given(created())
                .when(new FailTenantOnboardingCommand(tenantId, "welcome owner failed: no address"), operator)
                .expectEvents(new TenantOnboardingFailed(tenantId, "welcome owner failed: no address"))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.ONBOARDING_FAILED));
    }

    @Test
    void failingItAgainChangesNothing() {
        fixture.given(created(), new TenantOnboardingFailed(tenantId, "boom"))
                .when(new FailTenantOnboardingCommand(tenantId, "boom"), operator)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedOnboardingCannotBeCompleted() {
        fixture.given(created(), new TenantOnboardingFailed(tenantId, "boom"))
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), operator)
                .expectNoEvents()
                .expectException(violates("tenant.onboarding-finished"));
    }

    @Test
    void aCompletedOnboardingCannotFail() {
        fixture.given(created(), new TenantOnboardingCompleted(tenantId, defaultWorkspace))
                .when(new FailTenantOnboardingCommand(tenantId, "late"), operator)
                .expectNoEvents()
                .expectException(violates("tenant.onboarding-finished"));
    }

    @Test
    void aTenantFromBeforeOnboardingIsActiveAndHasNothingToComplete() {
        fixture.given(new TenantCreated(tenantId, "Acme", Plan.TEAM))
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), operator)
                .expectNoEvents()
                .expectException(violates("tenant.onboarding-finished"));
    }

    @Test
    void aTenantFromBeforeOnboardingTakesWork() {
        fixture.given(new TenantCreated(tenantId, "Acme", Plan.TEAM))
                .when(reserve(), asOlivia)
                .expectEvents(new WorkspaceSlotReserved(tenantId, defaultWorkspace, "General", "", olivia))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.ACTIVE));
    }

    @Test
    void aTenantWhoseOnboardingFailedTakesNoNewWork() {
        fixture.given(created(), new TenantOnboardingFailed(tenantId, "boom"))
                .when(reserve(), asOlivia)
                .expectNoEvents()
                .expectException(violates("tenant.onboarding-failed"));
    }

    @Test
    void anOperatorCanLetATenantInWhoseOnboardingFailed() {
        fixture.given(created(), new TenantOnboardingFailed(tenantId, "boom"))
                .when(new ReactivateTenantCommand(tenantId, "set up by hand", null), operator)
                .expectEvents(new TenantReactivated(tenantId, "set up by hand"))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.ACTIVE));
    }

    @Test
    void aTenantSuspendedWhileOnboardingStaysSuspendedWhenOnboardingCompletes() {
        fixture.given(created(), new TenantSuspended(tenantId, "unpaid"))
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), operator)
                .expectEvents(new TenantOnboardingCompleted(tenantId, defaultWorkspace))
                .expectState(tenant -> assertStatus(tenant, TenantStatus.SUSPENDED));
    }

    @Test
    void onlyTheTenantsOwnCallersOrTheSystemEndItsOnboarding() {
        fixture.given(created())
                .when(new CompleteTenantOnboardingCommand(tenantId, defaultWorkspace), Callers.adminOfAnotherTenant())
                .expectNoEvents()
                .expectException(notFound());
    }

    private TenantCreated created() {
        return new TenantCreated(tenantId, "Acme", Plan.TEAM, olivia);
    }

    private ReserveWorkspaceSlotCommand reserve() {
        return new ReserveWorkspaceSlotCommand(tenantId, defaultWorkspace, "General", "", olivia);
    }

    private static void assertStatus(Tenant tenant, TenantStatus expected) {
        org.assertj.core.api.Assertions.assertThat(tenant).extracting("status").isEqualTo(expected);
    }
}
