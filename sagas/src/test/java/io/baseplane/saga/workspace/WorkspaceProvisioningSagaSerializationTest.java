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
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/** Saga state is stored with Axon's JacksonSerializer between events: it has to survive the round trip. */
class WorkspaceProvisioningSagaSerializationTest {

    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final UserId REQUESTER = UserId.of("alice");

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
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("tenantId", "workspaceId", "workspaceName", "requestedBy");
        assertThat(json.get("tenantId").asText()).isEqualTo(TENANT.toString());
        assertThat(json.get("requestedBy").asText()).isEqualTo("alice");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("commandGateway", "notifier", "journal");
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
