package io.baseplane.command.airtable;

import static io.baseplane.command.airtable.Samples.AS_MEMBER;
import static io.baseplane.command.airtable.Samples.BASE;
import static io.baseplane.command.airtable.Samples.RUN;
import static io.baseplane.command.airtable.Samples.SYNC;
import static io.baseplane.command.airtable.Samples.TABLES;
import static io.baseplane.command.airtable.Samples.TENANT;
import static io.baseplane.command.airtable.Samples.TOKEN_REF;
import static io.baseplane.command.airtable.Samples.WORKSPACE;
import static io.baseplane.command.airtable.Samples.connected;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;

import io.baseplane.command.testing.FixedTokenGrants;
import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sync lives in an open workspace of the caller's tenant, and a suspended tenant starts no new runs. */
class AirtableSyncWorkspaceRulesTest {

    private final InMemoryWorkspaceDirectory workspaces = new InMemoryWorkspaceDirectory();
    private final InMemoryTenantDirectory tenants = new InMemoryTenantDirectory().active(TENANT, Plan.TEAM);
    private final FixedTokenGrants tokenGrants = FixedTokenGrants.all();
    private FixtureConfiguration<AirtableSync> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AirtableSync.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.gate(workspaces, tenants));
        fixture.registerInjectableResource(tokenGrants);
    }

    @Test
    void refusesATokenNotGrantedToTheTenantAsIfItDidNotExist() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tokenGrants.withdrawAll().grant(TenantId.random(), TOKEN_REF);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.token-not-granted"));
    }

    @Test
    void connectsWithATokenGrantedToTheTenant() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tokenGrants.withdrawAll().grant(TENANT, TOKEN_REF);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectEvents(connected());
    }

    @Test
    void refusesANewRunOnceTheTokensGrantIsWithdrawn() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tokenGrants.withdrawAll();

        fixture.given(connected())
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.token-not-granted"));
    }

    @Test
    void refusesToConnectABaseToAnUnknownWorkspace() {
        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(notFound("workspace"));
    }

    @Test
    void refusesToConnectABaseToAnotherTenantsWorkspaceAsIfItDidNotExist() {
        workspaces.with(TenantId.random(), WORKSPACE, WorkspaceStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(notFound("workspace"));
    }

    @Test
    void refusesToConnectABaseToADiscardedWorkspace() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.DISCARDED);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(notFound("workspace"));
    }

    @Test
    void refusesToConnectABaseToAnArchivedWorkspace() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ARCHIVED);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("workspace.archived"));
    }

    @Test
    void refusesToConnectABaseForASuspendedTenant() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tenants.suspended(TENANT, Plan.TEAM);

        fixture.givenNoPriorActivity()
                .when(connect(), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("tenant.suspended"));
    }

    @Test
    void refusesANewRunOnceTheWorkspaceIsArchived() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ARCHIVED);

        fixture.given(connected())
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("workspace.archived"));
    }

    @Test
    void refusesANewRunWhileTheTenantIsSuspended() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tenants.suspended(TENANT, Plan.TEAM);

        fixture.given(connected())
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("tenant.suspended"));
    }

    private static ConnectAirtableBaseCommand connect() {
        return new ConnectAirtableBaseCommand(SYNC, WORKSPACE, TENANT, BASE, TABLES, TOKEN_REF);
    }
}
