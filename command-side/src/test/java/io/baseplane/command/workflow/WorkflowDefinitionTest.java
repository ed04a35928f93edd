package io.baseplane.command.workflow;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.workflow.Samples.AS_MEMBER;
import static io.baseplane.command.workflow.Samples.AS_OTHER_TENANT;
import static io.baseplane.command.workflow.Samples.NIGHTLY;
import static io.baseplane.command.workflow.Samples.NOTIFY;
import static io.baseplane.command.workflow.Samples.RESERVE;
import static io.baseplane.command.workflow.Samples.STEPS;
import static io.baseplane.command.workflow.Samples.TENANT;
import static io.baseplane.command.workflow.Samples.UPSERT;
import static io.baseplane.command.workflow.Samples.WAIT;
import static io.baseplane.command.workflow.Samples.WORKFLOW;
import static io.baseplane.command.workflow.Samples.WORKSPACE;
import static io.baseplane.command.workflow.Samples.defined;
import static io.baseplane.command.workflow.Samples.withParameters;

import io.baseplane.kernel.workflow.CompensationStep;
import io.baseplane.kernel.workflow.DefineWorkflowCommand;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.Trigger;
import io.baseplane.kernel.workflow.TriggerEvents;
import io.baseplane.kernel.workflow.TriggerType;
import io.baseplane.kernel.workflow.UpdateWorkflowDefinitionCommand;
import io.baseplane.kernel.workflow.WorkflowDefined;
import io.baseplane.kernel.workflow.WorkflowDefinitionUpdated;
import io.baseplane.kernel.workflow.WorkflowStep;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowDefinitionTest {

    private FixtureConfiguration<Workflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workflow.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.allOpen(TENANT, WORKSPACE));
    }

    private static DefineWorkflowCommand define(String name, Trigger trigger, List<WorkflowStep> steps) {
        return new DefineWorkflowCommand(WORKFLOW, WORKSPACE, TENANT, name, trigger, steps);
    }

    @Test
    void definesAWorkflowWithATrimmedName() {
        fixture.givenNoPriorActivity()
                .when(define("  Place order ", NIGHTLY, STEPS), AS_MEMBER)
                .expectEvents(defined());
    }

    @Test
    void definesAWorkflowTriggeredByAPlatformEvent() {
        Trigger onSync = Trigger.onEvent("airtable.sync.completed");
        fixture.givenNoPriorActivity()
                .when(define("Place order", onSync, STEPS), AS_MEMBER)
                .expectEvents(new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", onSync, STEPS));
    }

    @Test
    void dropsBlankCronAndEventTypeOfAManualTrigger() {
        fixture.givenNoPriorActivity()
                .when(define("Place order", new Trigger(TriggerType.MANUAL, " ", ""), STEPS), AS_MEMBER)
                .expectEvents(new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", Trigger.manual(), STEPS));
    }

    @Test
    void refusesToDefineAWorkflowInAnotherTenant() {
        fixture.givenNoPriorActivity()
                .when(define("Place order", NIGHTLY, STEPS), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                Arguments.of("a blank name", " ", NIGHTLY, STEPS, "name"),
                Arguments.of("a name over 100 characters", "x".repeat(101), NIGHTLY, STEPS, "name"),
                Arguments.of("no trigger", "W", null, STEPS, "trigger"),
                Arguments.of("a cron that is not one", "W", Trigger.schedule("every night"), STEPS, "trigger.cron"),
                Arguments.of("a five-field unix cron", "W", Trigger.schedule("0 2 * * *"), STEPS, "trigger.cron"),
                Arguments.of("a schedule without cron", "W", Trigger.schedule(null), STEPS, "trigger.cron"),
                Arguments.of("a cron on a manual trigger", "W", new Trigger(TriggerType.MANUAL, "0 0 2 * * *", null), STEPS, "trigger.cron"),
                Arguments.of("an upper-case event type", "W", Trigger.onEvent("Airtable.Sync.Completed"), STEPS, "trigger.eventType"),
                Arguments.of("an event type without a dot", "W", Trigger.onEvent("completed"), STEPS, "trigger.eventType"),
                Arguments.of("an event type the platform never publishes", "W", Trigger.onEvent("airtable.sync.exploded"), STEPS, "trigger.eventType"),
                Arguments.of("no steps", "W", NIGHTLY, List.of(), "steps"),
                Arguments.of("51 steps", "W", NIGHTLY, fiftyOneSteps(), "steps"),
                Arguments.of("two steps of one name", "W", NIGHTLY, List.of(WAIT, NOTIFY, WAIT), "steps[2].name"),
                Arguments.of("a step without type", "W", NIGHTLY,
                        List.of(new WorkflowStep("Untyped", null, Map.of(), null, null)), "steps[0].type"),
                Arguments.of("a timeout over an hour", "W", NIGHTLY,
                        List.of(new WorkflowStep("Slow", StepType.DELAY, Map.of("seconds", "5"), 3601, null)), "steps[0].timeoutSeconds"),
                Arguments.of("a timeout of zero", "W", NIGHTLY,
                        List.of(new WorkflowStep("Slow", StepType.DELAY, Map.of("seconds", "5"), 0, null)), "steps[0].timeoutSeconds"));
    }

    @ParameterizedTest(name = "refuses a definition with {0}")
    @MethodSource("brokenDefinitions")
    void refusesABrokenDefinition(String what, String name, Trigger trigger, List<WorkflowStep> steps, String field) {
        fixture.givenNoPriorActivity()
                .when(define(name, trigger, steps), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid(field));
    }

    static Stream<Arguments> brokenStepParameters() {
        return Stream.of(
                Arguments.of("an HTTP call without url", withParameters(RESERVE, Map.of("method", "POST")), "steps[1].parameters.url"),
                Arguments.of("an HTTP call to a relative url", withParameters(RESERVE, Map.of("url", "/reservations")), "steps[1].parameters.url"),
                Arguments.of("an HTTP call whose host is a placeholder", withParameters(RESERVE, Map.of("url", "{{input.url}}")), "steps[1].parameters.url"),
                Arguments.of("an HTTP call to an ftp url", withParameters(RESERVE, Map.of("url", "ftp://shop.example.com/x")), "steps[1].parameters.url"),
                Arguments.of("an HTTP call with method TRACE", withParameters(RESERVE,
                        Map.of("url", "https://shop.example.com", "method", "TRACE")), "steps[1].parameters.method"),
                Arguments.of("a notification without message", withParameters(NOTIFY, Map.of("recipient", "ops@example.com")), "steps[1].parameters.message"),
                Arguments.of("a notification without recipient", withParameters(NOTIFY, Map.of("message", "hi")), "steps[1].parameters.recipient"),
                Arguments.of("a delay without seconds", withParameters(WAIT, Map.of()), "steps[1].parameters.seconds"),
                Arguments.of("a delay of zero seconds", withParameters(WAIT, Map.of("seconds", "0")), "steps[1].parameters.seconds"),
                Arguments.of("a delay over a day", withParameters(WAIT, Map.of("seconds", "86401")), "steps[1].parameters.seconds"),
                Arguments.of("a delay of some seconds", withParameters(WAIT, Map.of("seconds", "a few")), "steps[1].parameters.seconds"),
                Arguments.of("an upsert without record", withParameters(UPSERT, Map.of("table", "Orders")), "steps[1].parameters.record"),
                Arguments.of("an upsert without table", withParameters(UPSERT, Map.of("record", "{}")), "steps[1].parameters.table"),
                Arguments.of("a compensation without its url", new WorkflowStep("Reserve stock", StepType.HTTP_CALL,
                        RESERVE.parameters(), null, new CompensationStep(StepType.HTTP_CALL, Map.of())), "steps[1].compensation.parameters.url"),
                Arguments.of("a compensation without type", new WorkflowStep("Reserve stock", StepType.HTTP_CALL,
                        RESERVE.parameters(), null, new CompensationStep(null, Map.of())), "steps[1].compensation.type"),
                Arguments.of("21 parameters", withParameters(WAIT, parameters(21)), "steps[1].parameters"),
                Arguments.of("a parameter key over 100 characters", withParameters(WAIT,
                        Map.of("seconds", "5", "k".repeat(101), "v")), "steps[1].parameters"),
                Arguments.of("a parameter value over 4000 characters", withParameters(NOTIFY,
                        Map.of("recipient", "ops@example.com", "message", "m".repeat(4001))), "steps[1].parameters.message"),
                Arguments.of("a null parameter value", withParameters(NOTIFY, nullMessage()), "steps[1].parameters.message"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenStepParameters")
    void refusesStepParametersThatBreakTheRulesOfTheirType(String what, WorkflowStep step, String field) {
        List<WorkflowStep> steps = List.of(new WorkflowStep("First", StepType.DELAY, Map.of("seconds", "1"), null, null), step);
        fixture.givenNoPriorActivity()
                .when(define("Place order", NIGHTLY, steps), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid(field));
    }

    @Test
    void anHttpUrlMayHoldPlaceholdersForTheRunInput() {
        WorkflowStep call = withParameters(RESERVE, Map.of("url", "https://shop.example.com/orders/{{input.order}}?run={{runId}}"));
        fixture.givenNoPriorActivity()
                .when(define("Place order", NIGHTLY, List.of(call)), AS_MEMBER)
                .expectEvents(new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", NIGHTLY, List.of(call)));
    }

    @Test
    void anUpsertCompensationThatDeletesNeedsNoRecord() {
        WorkflowStep upsert = new WorkflowStep("Record order", StepType.UPSERT_RECORD, UPSERT.parameters(), null,
                new CompensationStep(StepType.UPSERT_RECORD, Map.of("table", "Orders", "delete", "true")));
        fixture.givenNoPriorActivity()
                .when(define("Place order", NIGHTLY, List.of(upsert)), AS_MEMBER)
                .expectEvents(new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", NIGHTLY, List.of(upsert)));
    }

    static Stream<String> knownTriggerEvents() {
        return TriggerEvents.KNOWN.stream();
    }

    @ParameterizedTest(name = "accepts a trigger on {0}")
    @MethodSource("knownTriggerEvents")
    void acceptsEveryKnownTriggerEvent(String eventType) {
        fixture.givenNoPriorActivity()
                .when(define("Place order", Trigger.onEvent(eventType), STEPS), AS_MEMBER)
                .expectEvents(new WorkflowDefined(WORKFLOW, WORKSPACE, TENANT, "Place order", Trigger.onEvent(eventType), STEPS));
    }

    @Test
    void updatesTheDefinition() {
        List<WorkflowStep> steps = List.of(NOTIFY);
        fixture.given(defined())
                .when(new UpdateWorkflowDefinitionCommand(WORKFLOW, "Announce order", Trigger.manual(), steps, 0L), AS_MEMBER)
                .expectEvents(new WorkflowDefinitionUpdated(WORKFLOW, WORKSPACE, TENANT, "Announce order", Trigger.manual(), steps));
    }

    @Test
    void anUnchangedDefinitionRecordsNothing() {
        fixture.given(defined())
                .when(new UpdateWorkflowDefinitionCommand(WORKFLOW, "Place order", NIGHTLY, STEPS, null), AS_MEMBER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateThatBreaksTheRules() {
        fixture.given(defined())
                .when(new UpdateWorkflowDefinitionCommand(WORKFLOW, "Place order", Trigger.onEvent("x"), STEPS, null), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("trigger.eventType"));
    }

    @Test
    void refusesAnUpdateBasedOnAStaleVersion() {
        fixture.given(defined(), new WorkflowDefinitionUpdated(WORKFLOW, WORKSPACE, TENANT, "Renamed", NIGHTLY, STEPS))
                .when(new UpdateWorkflowDefinitionCommand(WORKFLOW, "Mine", NIGHTLY, STEPS, 0L), AS_MEMBER)
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void refusesAnUpdateFromAnotherTenant() {
        fixture.given(defined())
                .when(new UpdateWorkflowDefinitionCommand(WORKFLOW, "Mine", NIGHTLY, STEPS, null), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    private static List<WorkflowStep> fiftyOneSteps() {
        return IntStream.range(0, 51)
                .mapToObj(i -> new WorkflowStep("Step " + i, StepType.DELAY, Map.of("seconds", "1"), null, null))
                .toList();
    }

    private static Map<String, String> parameters(int count) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("seconds", "5");
        IntStream.range(1, count).forEach(i -> parameters.put("extra" + i, "v"));
        return parameters;
    }

    private static Map<String, String> nullMessage() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("recipient", "ops@example.com");
        parameters.put("message", null);
        return Collections.unmodifiableMap(parameters);
    }
}
