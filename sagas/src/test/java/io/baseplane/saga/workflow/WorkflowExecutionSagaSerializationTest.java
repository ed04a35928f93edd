package io.baseplane.saga.workflow;

import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.RUN;
import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.STEPS;
import static io.baseplane.saga.workflow.WorkflowExecutionSagaTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.workflow.StepType;
import io.baseplane.saga.testing.RecordingSagaJournal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/** Saga state is stored with Axon's JacksonSerializer between events: it has to survive the round trip. */
class WorkflowExecutionSagaSerializationTest {

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void stateSurvivesTheRoundTripWithoutItsCollaborators() {
        WorkflowExecutionSaga saga = sagaWaitingForItsDelay();

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        WorkflowExecutionSaga restored = serializer.deserialize(stored);

        assertThat(restored).usingRecursiveComparison()
                .ignoringFields("commandGateway", "deadlineManager", "executors", "journal")
                .isEqualTo(saga);
        assertThat(restored).extracting("runId", "tenantId", "steps", "activeStep", "compensating")
                .containsExactly(RUN, TENANT, STEPS, 1, false);
        assertThat(restored).extracting("delayDeadlineId").isNotNull();
        assertThat(restored).extracting("commandGateway", "deadlineManager", "executors", "journal").containsOnlyNulls();
    }

    @Test
    void storedFormHoldsOnlyTheStateAsReadableText() throws Exception {
        byte[] stored = serializer.serialize(sagaWaitingForItsDelay(), byte[].class).getData();

        JsonNode json = objectMapper.readTree(stored);
        assertThat(json.get("runId").asText()).isEqualTo(RUN.toString());
        assertThat(json.at("/steps/0/name").asText()).isEqualTo("reserve");
        assertThat(json.at("/input/order").asText()).isEqualTo("A-1001");
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .doesNotContain("commandGateway", "deadlineManager", "executors", "journal");
    }

    @Test
    void fieldsUnknownToThisVersionDoNotBreakLoadingAStoredSaga() {
        String older = "{\"runId\":\"" + RUN + "\",\"tenantId\":\"" + TENANT + "\",\"activeStep\":2,\"retries\":3}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(older.getBytes(StandardCharsets.UTF_8),
                byte[].class, WorkflowExecutionSaga.class.getName(), null);

        WorkflowExecutionSaga restored = serializer.deserialize(stored);

        assertThat(restored).extracting("runId", "activeStep").containsExactly(RUN, 2);
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
