package io.baseplane.saga.workflow;

import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.RUN;
import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.STEPS;
import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.kernel.workflow.MarkStepSucceededCommand;
import io.baseplane.saga.common.CallOutcome;
import io.baseplane.saga.common.OutsideCalls;
import io.baseplane.saga.common.PendingFailure;
import io.baseplane.saga.testing.HeldCalls;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/**
 * Saga state is stored with Axon's JacksonSerializer between events: it has to survive the round trip, the call
 * the saga waits for and a held call outcome included.
 */
class WorkflowExecutionSagaSerializationTest {

    private static final String[] NOT_STATE = Stream.concat(Stream.of("executors"),
            SupervisedSagaFixture.NOT_STATE.stream()).toArray(String[]::new);

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void stateSurvivesTheRoundTripWithoutItsCollaborators() {
        WorkflowExecutionSaga saga = sagaWaitingForItsDelay();

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        WorkflowExecutionSaga restored = serializer.deserialize(stored);

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        assertThat(restored).extracting("runId", "tenantId", "steps", "activeStep", "compensating")
                .containsExactly(RUN, TENANT, STEPS, 1, false);
        assertThat(restored).extracting("delayDeadlineId").isNotNull();
        assertThat(restored).extracting("commandGateway", "deadlineManager", "executors", "journal", "supervision")
                .containsOnlyNulls();
    }

    @Test
    void storedFormHoldsOnlyTheStateAsReadableText() throws Exception {
        byte[] stored = serializer.serialize(sagaWaitingForItsDelay(), byte[].class).getData();

        JsonNode json = objectMapper.readTree(stored);
        assertThat(json.get("runId").asText()).isEqualTo(RUN.toString());
        assertThat(json.at("/steps/0/name").asText()).isEqualTo("reserve");
        assertThat(json.at("/input/order").asText()).isEqualTo("A-1001");
        assertThat(json.fieldNames()).toIterable().contains("sagaId", "journaled", "failure", "pendingCallId",
                "pendingCallStep", "callTimeoutId").doesNotContain(NOT_STATE);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(
                "\"commandGateway\"", "\"deadlineManager\"", "\"executors\"", "\"journal\"", "\"supervision\"");
    }

    @Test
    void fieldsUnknownToThisVersionDoNotBreakLoadingAStoredSaga() {
        String older = "{\"runId\":\"" + RUN + "\",\"tenantId\":\"" + TENANT + "\",\"activeStep\":2,\"retries\":3}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(older.getBytes(StandardCharsets.UTF_8),
                byte[].class, WorkflowExecutionSaga.class.getName(), null);

        WorkflowExecutionSaga restored = serializer.deserialize(stored);

        assertThat(restored).extracting("runId", "activeStep").containsExactly(RUN, 2);
    }

    @Test
    void aRunWaitingForTheOutcomeOfItsCallKeepsWhichCallItWaitsFor() {
        HeldCalls calls = new HeldCalls();
        calls.hold();
        SagaTestFixture<WorkflowExecutionSaga> fixture = fixture(calls);
        Supplier<WorkflowExecutionSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        fixture.givenAPublished(WorkflowExecutionSagaTest.requested())
                .andThenAPublished(WorkflowExecutionSagaTest.started())
                .andThenAPublished(WorkflowExecutionSagaTest.stepStarted(0));
        WorkflowExecutionSaga saga = instance.get();

        WorkflowExecutionSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        assertThat(restored).extracting("activeStep", "pendingCallStep").containsExactly(0, "reserve");
        assertThat(restored).extracting("sagaId", "pendingCallId", "callTimeoutId").doesNotContainNull();
    }

    @Test
    void aParkedRunKeepsTheCallOutcomeItFailedOnThroughTheRoundTrip() throws Exception {
        SagaTestFixture<WorkflowExecutionSaga> fixture = fixture(new HeldCalls());
        Supplier<WorkflowExecutionSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof MarkStepSucceededCommand) {
                throw new ConcurrencyException("run changed meanwhile");
            }
            return null;
        });
        fixture.givenAPublished(WorkflowExecutionSagaTest.requested())
                .andThenAPublished(WorkflowExecutionSagaTest.started())
                .andThenAPublished(WorkflowExecutionSagaTest.stepStarted(0))
                .andThenTimeElapses(Duration.ofMinutes(5));
        WorkflowExecutionSaga saga = instance.get();

        WorkflowExecutionSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        PendingFailure failure = (PendingFailure) PropertyOrFieldSupport.EXTRACTION.getValueOf("failure", restored);
        assertThat(failure.parked()).isTrue();
        assertThat(failure.step()).isEqualTo("handle CallOutcome");
        assertThat(failure.held()).singleElement().satisfies(held -> {
            assertThat(held.deadlineName()).isEqualTo(OutsideCalls.OUTCOME);
            CallOutcome outcome = (CallOutcome) SupervisedSagaFixture.payloadOf(held);
            assertThat(outcome.callId())
                    .isEqualTo(PropertyOrFieldSupport.EXTRACTION.getValueOf("pendingCallId", restored));
            assertThat(outcome.result()).isEqualTo(StepOutcome.succeeded(Map.of("status", "201")));
        });
    }

    private static SagaTestFixture<WorkflowExecutionSaga> fixture(HeldCalls calls) {
        SagaTestFixture<WorkflowExecutionSaga> fixture = new SagaTestFixture<>(WorkflowExecutionSaga.class);
        SupervisedSagaFixture.register(fixture, new RecordingSagaJournal(), calls.outsideCalls());
        fixture.registerResource(new StepExecutors(List.of(new FakeStepExecutor(StepType.HTTP_CALL,
                StepOutcome.succeeded(Map.of("status", "201")))), Duration.ofSeconds(30)));
        return fixture;
    }

    /** Outside a fixture no saga scope is active; deadlines are scheduled for a made-up saga instance. */
    private static final class ScopedStubDeadlineManager extends StubDeadlineManager {

        @Override
        public String schedule(Duration triggerDuration, String deadlineName, Object payload) {
            return schedule(triggerDuration, deadlineName, payload,
                    new SagaScopeDescriptor(WorkflowExecutionSaga.class.getName(), "saga-1"));
        }
    }

    /** A real instance after its run started and the DELAY step 1 began, collaborators injected as Axon would. */
    private static WorkflowExecutionSaga sagaWaitingForItsDelay() {
        WorkflowExecutionSaga saga = new WorkflowExecutionSaga();
        StepExecutors executors = new StepExecutors(List.of(
                new FakeStepExecutor(StepType.HTTP_CALL, StepOutcome.succeeded(Map.of("status", "200")))),
                Duration.ofSeconds(30));
        new SimpleResourceInjector(List.of(
                DefaultCommandGateway.builder().commandBus(new RecordingCommandBus()).build(),
                new ScopedStubDeadlineManager(), executors, new RecordingSagaJournal())).injectResources(saga);

        saga.on(WorkflowExecutionSagaTest.requested());
        saga.on(WorkflowExecutionSagaTest.started());
        saga.on(WorkflowExecutionSagaTest.stepStarted(1));
        return saga;
    }
}
