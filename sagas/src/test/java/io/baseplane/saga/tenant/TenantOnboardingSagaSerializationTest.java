package io.baseplane.saga.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The onboarding saga's state as Axon's JacksonSerializer stores it between events: read from its stored
 * form (a field a later version dropped included), written back with exactly its state, no collaborators.
 */
class TenantOnboardingSagaSerializationTest {

    private static final TenantId TENANT = TenantId.random();

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void storedStateIsReadAndWrittenBackAsReadableTextWithoutCollaborators() throws Exception {
        String stored = "{\"tenantId\":\"" + TENANT + "\",\"tenantName\":\"Acme\",\"owner\":\"olivia\","
                + "\"workspaceId\":\"" + DefaultWorkspace.idOf(TENANT) + "\",\"undoingWelcome\":true,\"retired\":1}";

        TenantOnboardingSaga restored = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, TenantOnboardingSaga.class.getName(), null));

        assertThat(restored).extracting("tenantId", "tenantName", "owner", "workspaceId", "undoingWelcome")
                .containsExactly(TENANT, "Acme", UserId.of("olivia"), DefaultWorkspace.idOf(TENANT), true);
        assertThat(restored).extracting("commandGateway", "notifier", "journal").containsOnlyNulls();

        SerializedObject<byte[]> written = serializer.serialize(restored, byte[].class);
        JsonNode json = objectMapper.readTree(written.getData());
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("tenantId", "tenantName", "owner", "workspaceId", "undoingWelcome");
        assertThat(json.get("owner").asText()).isEqualTo("olivia");
    }
}
