package io.baseplane.saga.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
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

/** The saga is stored between pages; a crash resumes from the stored form, so it has to keep the paging state. */
class AirtableSyncRunSagaSerializationTest {

    private static final AirtableSyncId SYNC = AirtableSyncId.random();
    private static final SyncRunId RUN = SyncRunId.random();
    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final String BASE = "appBBBBBBBBBBBBBB";
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";
    private static final String PEOPLE = "tblPPPPPPPPPPPPPP";

    // Configured as the app's serializer is: Jackson 2 with java.time support.
    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void pagingStateSurvivesTheRoundTripWithoutTheCollaborators() {
        SerializedObject<byte[]> stored = serializer.serialize(sagaOnSecondPage(), byte[].class);
        AirtableSyncRunSaga restored = serializer.deserialize(stored);

        assertThat(restored)
                .extracting("syncId", "runId", "tenantId", "baseId", "tableIds", "tableIndex", "pageNumber", "offset", "nextOffset")
                .containsExactly(SYNC, RUN, TENANT, BASE, List.of(ORDERS, PEOPLE), 0, 2, "page-2", "page-3");
        assertThat(restored).extracting("commandGateway", "airtable", "stagedRecords", "journal").containsOnlyNulls();
    }

    @Test
    void storedFormHoldsOnlyTheState() throws Exception {
        byte[] stored = serializer.serialize(sagaOnSecondPage(), byte[].class).getData();

        JsonNode json = objectMapper.readTree(stored);
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("syncId", "runId", "tenantId", "baseId",
                "tableIds", "tokenRef", "tableIndex", "pageNumber", "offset", "nextOffset", "failing");
        assertThat(json.get("runId").asText()).isEqualTo(RUN.toString());
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("commandGateway", "stagedRecords", "journal");
    }

    @Test
    void fieldsUnknownToThisVersionDoNotBreakLoadingAStoredSaga() {
        String older = "{\"syncId\":\"" + SYNC + "\",\"runId\":\"" + RUN + "\",\"tenantId\":\"" + TENANT
                + "\",\"baseId\":\"" + BASE + "\",\"tableIds\":[\"" + ORDERS + "\"],\"pageNumber\":3,\"phase\":\"PAGES\"}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(older.getBytes(StandardCharsets.UTF_8),
                byte[].class, AirtableSyncRunSaga.class.getName(), null);

        AirtableSyncRunSaga restored = serializer.deserialize(stored);

        assertThat(restored).extracting("runId", "pageNumber").containsExactly(RUN, 3);
    }

    /** A real instance after page 1 of Orders, waiting for page 2, with collaborators injected as Axon would. */
    private static AirtableSyncRunSaga sagaOnSecondPage() {
        TableSchema orders = new TableSchema(ORDERS, "Orders", List.of(new FieldSchema("fldAAAAAAAAAAAAAA", "N", "number")));
        TableSchema people = new TableSchema(PEOPLE, "People", List.of(new FieldSchema("fldCCCCCCCCCCCCCC", "Name", "singleLineText")));
        AirtableSyncRunSaga saga = new AirtableSyncRunSaga();
        new SimpleResourceInjector(List.of(
                DefaultCommandGateway.builder().commandBus(new RecordingCommandBus()).build(),
                new InMemoryAirtable().table(orders, 3, 2, 1).table(people, 1),
                new InMemoryStagedRecords(), new RecordingSagaJournal())).injectResources(saga);
        assertThat(saga).extracting("commandGateway", "airtable", "stagedRecords", "journal").doesNotContainNull();

        saga.on(new SyncRunRequested(SYNC, RUN, TENANT, WORKSPACE, BASE, List.of(ORDERS, PEOPLE), "vault:sales"));
        saga.on(new SyncSchemaFetched(SYNC, RUN, TENANT, WORKSPACE, List.of(orders, people)));
        saga.on(new SyncPageImported(SYNC, RUN, TENANT, WORKSPACE, ORDERS, 1, 3));
        return saga;
    }
}
