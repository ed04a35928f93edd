package io.baseplane.command.workflow;

import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.workflow.Samples.AS_MEMBER;
import static io.baseplane.command.workflow.Samples.INPUT;
import static io.baseplane.command.workflow.Samples.NIGHTLY;
import static io.baseplane.command.workflow.Samples.RUN;
import static io.baseplane.command.workflow.Samples.STEPS;
import static io.baseplane.command.workflow.Samples.TENANT;
import static io.baseplane.command.workflow.Samples.WORKFLOW;
import static io.baseplane.command.workflow.Samples.WORKSPACE;
import static io.baseplane.command.workflow.Samples.defined;

import io.baseplane.command.testing.InMemoryTenantDirectory;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workspace.WorkspaceStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workflow lives in an open workspace of the caller's tenant, and a suspended tenant starts no runs. */
class WorkflowWorkspaceRulesTest {

    private final InMemoryWorkspaceDirectory workspaces = new InMemoryWorkspaceDirectory();
    private final InMemoryTenantDirectory tenants = new InMemoryTenantDirectory().active(TENANT, Plan.TEAM);
    private FixtureConfiguration<Workflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workflow.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.gate(workspaces, tenants));
    }

    @Test
    void refusesToDefineAWorkflowInAnUnknownWorkspace() {
        fixture.givenNoPriorActivity()
                .when(define(), AS_MEMBER)
                .expectNoEvents()
                .expectException(notFound("workspace"));
    }

    @Test
    void refusesToDefineAWorkflowInAnotherTenantsWorkspaceAsIfItDidNotExist() {
        workspaces.with(TenantId.random(), WORKSPACE, WorkspaceStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(define(), AS_MEMBER)
                .expectNoEvents()
                .expectException(notFound("workspace"));
    }

    @Test
    void refusesToDefineAWorkflowInAnArchivedWorkspace() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ARCHIVED);

        fixture.givenNoPriorActivity()
                .when(define(), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("workspace.archived"));
    }

    @Test
    void refusesToDefineAWorkflowForASuspendedTenant() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tenants.suspended(TENANT, Plan.TEAM);

        fixture.givenNoPriorActivity()
                .when(define(), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("tenant.suspended"));
    }

    @Test
    void refusesARunWhileTheTenantIsSuspended() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ACTIVE);
        tenants.suspended(TENANT, Plan.TEAM);

        fixture.given(defined())
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, INPUT), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("tenant.suspended"));
    }

    @Test
    void refusesARunOnceTheWorkspaceIsArchived() {
        workspaces.with(TENANT, WORKSPACE, WorkspaceStatus.ARCHIVED);

        fixture.given(defined())
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, INPUT), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("workspace.archived"));
    }

    private static DefineWorkflowCommand define() {
        return new DefineWorkflowCommand(WORKFLOW, WORKSPACE, TENANT, "Place order", NIGHTLY, STEPS);
    }
}
