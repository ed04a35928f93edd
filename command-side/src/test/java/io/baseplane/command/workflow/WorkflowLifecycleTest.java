package io.baseplane.command.workflow;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.workflow.Samples.AS_MEMBER;
import static io.baseplane.command.workflow.Samples.AS_OTHER_TENANT;
import static io.baseplane.command.workflow.Samples.AS_SYSTEM;
import static io.baseplane.command.workflow.Samples.INPUT;
import static io.baseplane.command.workflow.Samples.NOTIFY;
import static io.baseplane.command.workflow.Samples.RUN;
import static io.baseplane.command.workflow.Samples.STEPS;
import static io.baseplane.command.workflow.Samples.TENANT;
import static io.baseplane.command.workflow.Samples.WORKFLOW;
import static io.baseplane.command.workflow.Samples.WORKSPACE;
import static io.baseplane.command.workflow.Samples.defined;

import io.baseplane.kernel.workflow.DisableWorkflowCommand;
import io.baseplane.kernel.workflow.EnableWorkflowCommand;
import io.baseplane.kernel.workflow.RequestWorkflowRunCommand;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowDisabled;
import io.baseplane.kernel.workflow.WorkflowEnabled;
import io.baseplane.kernel.workflow.WorkflowRunRequested;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowLifecycleTest {

    private static final WorkflowDisabled DISABLED = new WorkflowDisabled(WORKFLOW, WORKSPACE, TENANT);

    private FixtureConfiguration<Workflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workflow.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.allOpen(TENANT, WORKSPACE));
    }

    @Test
    void disablesAnEnabledWorkflow() {
        fixture.given(defined())
                .when(new DisableWorkflowCommand(WORKFLOW, 0L), AS_MEMBER)
                .expectEvents(DISABLED);
    }

    @Test
    void disablingADisabledWorkflowRecordsNothing() {
        fixture.given(defined(), DISABLED)
                .when(new DisableWorkflowCommand(WORKFLOW, null), AS_MEMBER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void enablesADisabledWorkflow() {
        fixture.given(defined(), DISABLED)
                .when(new EnableWorkflowCommand(WORKFLOW, 1L), AS_MEMBER)
                .expectEvents(new WorkflowEnabled(WORKFLOW, WORKSPACE, TENANT));
    }

    @Test
    void enablingAnEnabledWorkflowRecordsNothing() {
        fixture.given(defined())
                .when(new EnableWorkflowCommand(WORKFLOW, null), AS_MEMBER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToDisableAnotherTenantsWorkflow() {
        fixture.given(defined())
                .when(new DisableWorkflowCommand(WORKFLOW, null), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void requestsARunWithTheCurrentStepsAndTheInput() {
        fixture.given(defined(), new WorkflowDefinitionUpdated(WORKFLOW, WORKSPACE, TENANT, "Announce", Trigger.manual(), List.of(NOTIFY)))
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, INPUT), AS_MEMBER)
                .expectEvents(new WorkflowRunRequested(WORKFLOW, RUN, TENANT, WORKSPACE, List.of(NOTIFY), INPUT));
    }

    @Test
    void requestsARunWithoutInput() {
        fixture.given(defined())
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, null), AS_SYSTEM)
                .expectEvents(new WorkflowRunRequested(WORKFLOW, RUN, TENANT, WORKSPACE, STEPS, Map.of()));
    }

    @Test
    void refusesARunOfADisabledWorkflow() {
        fixture.given(defined(), DISABLED)
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, INPUT), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("workflow.disabled"));
    }

    @Test
    void refusesARunWithMoreThanFiftyInputs() {
        Map<String, String> input = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> input.put("key" + i, "v"));
        fixture.given(defined())
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, input), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("input"));
    }

    @Test
    void refusesARunRequestFromAnotherTenant() {
        fixture.given(defined())
                .when(new RequestWorkflowRunCommand(WORKFLOW, RUN, INPUT), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }
}
