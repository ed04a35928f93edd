package io.baseplane.app.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.MemberAdded;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** The events the benchmark stores, and the serializer all three stores use for them. */
final class BenchmarkEvents {

    static final String AGGREGATE_TYPE = "Workspace";

    private static final TenantId TENANT = TenantId.random();

    private BenchmarkEvents() {
    }

    /**
     * Axon's JacksonSerializer over a Jackson 2 mapper configured as the platform's
     * {@code defaultAxonObjectMapper} (AxonMessagingConfiguration).
     */
    static Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** {@code count} events, each the first event (sequence 0) of an aggregate of its own. */
    static List<DomainEventMessage<MemberAdded>> firstEventsOfNewAggregates(int count) {
        List<DomainEventMessage<MemberAdded>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(WorkspaceId.random(), 0));
        }
        return events;
    }

    /** Events {@code first} to {@code first + count - 1} of one aggregate. */
    static List<DomainEventMessage<MemberAdded>> eventsOf(WorkspaceId workspace, long first, int count) {
        List<DomainEventMessage<MemberAdded>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(workspace, first + i));
        }
        return events;
    }

    private static DomainEventMessage<MemberAdded> event(WorkspaceId workspace, long sequenceNumber) {
        MemberAdded payload = new MemberAdded(workspace, TENANT, UserId.of("user-" + sequenceNumber % 97),
                WorkspaceRole.EDITOR);
        String commandId = UUID.randomUUID().toString();
        // The metadata the platform's correlation data providers put on every event.
        Map<String, String> metaData = Map.of(
                MetaDataKeys.CORRELATION_ID, commandId,
                MetaDataKeys.CAUSATION_ID, commandId,
                MetaDataKeys.USER_ID, "alice",
                MetaDataKeys.TENANT_ID, TENANT.toString());
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, workspace.toString(), sequenceNumber, payload,
                metaData);
    }
}
