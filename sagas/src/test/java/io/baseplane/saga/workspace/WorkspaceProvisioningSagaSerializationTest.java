package io.baseplane.saga.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.tenant.WorkspaceSlotReserved;
import io.baseplane.kernel.workspace.WorkspaceCreated;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.common.HeldMessage;
import io.baseplane.saga.common.PendingFailure;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/**
 * Saga state is stored with Axon's JacksonSerializer between events: it has to survive the round trip, a
 * failing step with the messages held behind it included.
 */
class WorkspaceProvisioningSagaSerializationTest {

    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final UserId REQUESTER = UserId.of("alice");
    private static final String[] NOT_STATE = Stream.concat(Stream.of("notifier"),
            SupervisedSagaFixture.NOT_STATE.stream()).toArray(String[]::new);

    // Configured as the app's serializer is: Jackson 2 with java.time support.
    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void stateSurvivesTheRoundTripWithoutItsCollaborators() throws Exception {
        WorkspaceProvisioningSaga saga = sagaAfterCreation();

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        WorkspaceProvisioningSaga restored = serializer.deserialize(stored);

        assertThat(restored)
                .extracting("tenantId", "workspaceId", "workspaceName", "requestedBy")
                .containsExactly(TENANT, WORKSPACE, "Design team", REQUESTER);
        assertThat(restored).extracting("commandGateway", "notifier", "journal").containsOnlyNulls();
    }

    @Test
    void storedFormHoldsOnlyTheStateAsReadableText() throws Exception {
        byte[] stored = serializer.serialize(sagaAfterCreation(), byte[].class).getData();

        JsonNode json = objectMapper.readTree(stored);
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "tenantId", "workspaceId", "workspaceName", "requestedBy",
                "sagaId", "journaled", "failure", "pendingCallId", "pendingCallStep", "callTimeoutId");
        assertThat(json.get("tenantId").asText()).isEqualTo(TENANT.toString());
        assertThat(json.get("requestedBy").asText()).isEqualTo("alice");
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .doesNotContain("\"commandGateway\"", "\"notifier\"", "\"journal\"", "\"supervision\"");
    }

    @Test
    void fieldsUnknownToThisVersionDoNotBreakLoadingAStoredSaga() {
        String older = "{\"tenantId\":\"" + TENANT + "\",\"workspaceId\":\"" + WORKSPACE
                + "\",\"workspaceName\":\"Design\",\"requestedBy\":\"alice\",\"step\":\"CREATING\"}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                older.getBytes(StandardCharsets.UTF_8), byte[].class,
                WorkspaceProvisioningSaga.class.getName(), null);

        WorkspaceProvisioningSaga restored = serializer.deserialize(stored);

        assertThat(restored).extracting("workspaceId", "workspaceName").containsExactly(WORKSPACE, "Design");
    }

    @Test
    void aRetryingSagaKeepsItsFailureAndItsHeldMessagesInOrderThroughTheRoundTrip() throws Exception {
        SagaTestFixture<WorkspaceProvisioningSaga> fixture = new SagaTestFixture<>(WorkspaceProvisioningSaga.class);
        Supplier<WorkspaceProvisioningSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        fixture.registerResource(new RecordingNotifier());
        SupervisedSagaFixture.register(fixture, new RecordingSagaJournal());
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw new ConcurrencyException("stale tenant");
        });
        WorkspaceSlotReserved reserved = new WorkspaceSlotReserved(TENANT, WORKSPACE, "Design", "UI work", REQUESTER);
        WorkspaceCreated created = new WorkspaceCreated(WORKSPACE, TENANT, "Design team", "UI work");
        fixture.givenAPublished(reserved)
                .andThenTimeElapses(SupervisedSagaFixture.FIRST_BACKOFF)
                .andThenAPublished(created);
        WorkspaceProvisioningSaga saga = instance.get();

        WorkspaceProvisioningSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        assertThat(restored).extracting("commandGateway", "notifier", "journal", "supervision").containsOnlyNulls();
        PendingFailure failure = (PendingFailure) PropertyOrFieldSupport.EXTRACTION.getValueOf("failure", restored);
        assertThat(failure.attempt()).isEqualTo(2);
        assertThat(failure.parked()).isFalse();
        assertThat(failure.retryDeadlineId()).isNotBlank();
        assertThat(failure.held()).extracting(HeldMessage::payloadName)
                .containsExactly("WorkspaceSlotReserved", "WorkspaceCreated");
        assertThat(failure.held()).extracting(SupervisedSagaFixture::payloadOf)
                .containsExactly(reserved, created);
    }

    /** Drives a real instance through its first two events, with collaborators injected as Axon would. */
    private static WorkspaceProvisioningSaga sagaAfterCreation() {
        WorkspaceProvisioningSaga saga = new WorkspaceProvisioningSaga();
        new SimpleResourceInjector(List.of(
                DefaultCommandGateway.builder().commandBus(new RecordingCommandBus()).build(),
                new RecordingNotifier(), new RecordingSagaJournal())).injectResources(saga);
        assertThat(saga).extracting("commandGateway", "notifier", "journal").doesNotContainNull();

        saga.on(new WorkspaceSlotReserved(TENANT, WORKSPACE, "Design", "UI work", REQUESTER));
        saga.on(new WorkspaceCreated(WORKSPACE, TENANT, "Design team", "UI work"));
        return saga;
    }
}
