package io.baseplane.saga.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantCreated;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.saga.common.PendingFailure;
import io.baseplane.saga.testing.RecordingNotifier;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The onboarding saga's state as Axon's JacksonSerializer stores it between events: read from its stored
 * form (a field a later version dropped included), written back with exactly its state, no collaborators; a
 * parked saga keeps the message it failed on.
 */
class TenantOnboardingSagaSerializationTest {

    private static final TenantId TENANT = TenantId.random();
    private static final UserId OWNER = UserId.of("olivia");
    /** The collaborators, the supervision's included: injected anew on each load, never stored. */
    private static final String[] COLLABORATORS =
            {"commandGateway", "deadlineManager", "notifier", "journal", "supervision", "outsideCalls"};
    private static final String[] NOT_STATE = Stream.concat(Stream.of("notifier"),
            SupervisedSagaFixture.NOT_STATE.stream()).toArray(String[]::new);

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void storedStateIsReadAndWrittenBackAsReadableTextWithoutCollaborators() throws Exception {
        String stored = "{\"tenantId\":\"" + TENANT + "\",\"tenantName\":\"Acme\",\"owner\":\"olivia\","
                + "\"workspaceId\":\"" + DefaultWorkspace.idOf(TENANT) + "\",\"undoing\":true,"
                + "\"sagaId\":\"saga-1\",\"undoingWelcome\":true,\"retired\":1}";

        TenantOnboardingSaga restored = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, TenantOnboardingSaga.class.getName(), null));

        assertThat(restored).extracting("tenantId", "tenantName", "owner", "workspaceId", "undoing", "sagaId")
                .containsExactly(TENANT, "Acme", OWNER, DefaultWorkspace.idOf(TENANT), true, "saga-1");
        assertThat(restored).extracting(COLLABORATORS).containsOnlyNulls();

        SerializedObject<byte[]> written = serializer.serialize(restored, byte[].class);
        JsonNode json = objectMapper.readTree(written.getData());
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "tenantId", "tenantName", "owner", "workspaceId", "undoing",
                "sagaId", "journaled", "failure", "pendingCallId", "pendingCallStep", "callTimeoutId");
        assertThat(json.get("owner").asText()).isEqualTo("olivia");
    }

    @Test
    void aParkedOnboardingKeepsItsFailureAndTheMessageItFailedOnThroughTheRoundTrip() throws Exception {
        SagaTestFixture<TenantOnboardingSaga> fixture = new SagaTestFixture<>(TenantOnboardingSaga.class);
        Supplier<TenantOnboardingSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        RecordingNotifier notifier = new RecordingNotifier();
        notifier.failWith(new IllegalStateException("outbox unavailable"));
        fixture.registerResource(notifier);
        SupervisedSagaFixture.register(fixture, new RecordingSagaJournal());
        MemberAdded ownerAdded = new MemberAdded(DefaultWorkspace.idOf(TENANT), TENANT, OWNER, WorkspaceRole.OWNER);
        fixture.givenAPublished(new TenantCreated(TENANT, "Acme", Plan.TEAM, OWNER))
                .andThenAPublished(ownerAdded)
                .andThenTimeElapses(Duration.ofMinutes(5));
        TenantOnboardingSaga saga = instance.get();

        TenantOnboardingSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        assertThat(restored).extracting(COLLABORATORS).containsOnlyNulls();
        PendingFailure failure = (PendingFailure) readField(restored, "failure");
        assertThat(failure.parked()).isTrue();
        assertThat(failure.attempt()).isEqualTo(SupervisedSagaFixture.MAX_ATTEMPTS);
        assertThat(failure.step()).isEqualTo("handle MemberAdded");
        assertThat(failure.error()).contains("IllegalStateException");
        assertThat(failure.held()).singleElement().extracting(SupervisedSagaFixture::payloadOf).isEqualTo(ownerAdded);
    }

    private static Object readField(Object saga, String name) {
        return PropertyOrFieldSupport.EXTRACTION.getValueOf(name, saga);
    }
}
