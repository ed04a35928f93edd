package io.baseplane.saga.airtable;

import static io.baseplane.saga.testing.SupervisedSagaFixture.OUTCOMES_DUE;
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
import io.baseplane.saga.airtable.client.RecordPage;
import io.baseplane.saga.common.CallOutcome;
import io.baseplane.saga.common.OutsideCalls;
import io.baseplane.saga.common.PendingFailure;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The saga is stored between pages; a crash resumes from the stored form, so it has to keep the paging state,
 * the call it waits for, and a held answer of Airtable.
 */
class AirtableSyncRunSagaSerializationTest {

    private static final AirtableSyncId SYNC = AirtableSyncId.random();
    private static final SyncRunId RUN = SyncRunId.random();
    private static final TenantId TENANT = TenantId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final String BASE = "appBBBBBBBBBBBBBB";
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";
    private static final String PEOPLE = "tblPPPPPPPPPPPPPP";
    private static final TableSchema ORDERS_SCHEMA =
            new TableSchema(ORDERS, "Orders", List.of(new FieldSchema("fldAAAAAAAAAAAAAA", "N", "number")));
    private static final TableSchema PEOPLE_SCHEMA =
            new TableSchema(PEOPLE, "People", List.of(new FieldSchema("fldCCCCCCCCCCCCCC", "Name", "singleLineText")));
    private static final String[] NOT_STATE = Stream.concat(Stream.of("airtable", "stagedRecords"),
            SupervisedSagaFixture.NOT_STATE.stream()).toArray(String[]::new);

    // Configured as the app's serializer is: Jackson 2 with java.time support.
    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();

    private final InMemoryAirtable airtable =
            new InMemoryAirtable().table(ORDERS_SCHEMA, 3, 2, 1).table(PEOPLE_SCHEMA, 1);
    private final InMemoryStagedRecords staged = new InMemoryStagedRecords();

    @Test
    void pagingStateSurvivesTheRoundTripWithoutTheCollaborators() throws Exception {
        AirtableSyncRunSaga saga = sagaOnSecondPage(true);

        AirtableSyncRunSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored)
                .extracting("syncId", "runId", "tenantId", "baseId", "tableIds", "tableIndex", "pageNumber", "offset", "nextOffset")
                .containsExactly(SYNC, RUN, TENANT, BASE, List.of(ORDERS, PEOPLE), 0, 2, "page-2", "page-3");
        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        assertThat(restored).extracting("commandGateway", "airtable", "stagedRecords", "journal", "supervision",
                "outsideCalls", "deadlineManager").containsOnlyNulls();
    }

    @Test
    void theCallTheSagaWaitsForSurvivesTheRoundTrip() throws Exception {
        AirtableSyncRunSaga saga = sagaOnSecondPage(false);

        AirtableSyncRunSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        // An answer that comes after a restart must still find the call it answers.
        assertThat(restored).extracting("pendingCallStep").isEqualTo("import " + ORDERS + " page 2");
        assertThat(restored).extracting("sagaId", "pendingCallId", "callTimeoutId").doesNotContainNull();
    }

    @Test
    void storedFormHoldsOnlyTheState() throws Exception {
        byte[] stored = serializer.serialize(sagaOnSecondPage(true), byte[].class).getData();

        JsonNode json = objectMapper.readTree(stored);
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("syncId", "runId", "tenantId", "baseId",
                "tableIds", "tokenRef", "tableIndex", "pageNumber", "offset", "nextOffset", "failing",
                "sagaId", "journaled", "failure", "pendingCallId", "pendingCallStep", "callTimeoutId");
        assertThat(json.get("runId").asText()).isEqualTo(RUN.toString());
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(
                "\"commandGateway\"", "\"stagedRecords\"", "\"journal\"", "\"supervision\"", "\"airtable\"");
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

    @Test
    void aParkedRunKeepsTheAnswerOfAirtableItFailedOnThroughTheRoundTrip() throws Exception {
        staged.failStagingWith(new IllegalStateException("staging table missing"));
        SagaTestFixture<AirtableSyncRunSaga> fixture = fixture();
        Supplier<AirtableSyncRunSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .andThenTimeElapses(Duration.ofMinutes(5));
        AirtableSyncRunSaga saga = instance.get();

        AirtableSyncRunSaga restored = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(restored).usingRecursiveComparison().ignoringFields(NOT_STATE).isEqualTo(saga);
        PendingFailure failure = (PendingFailure) PropertyOrFieldSupport.EXTRACTION.getValueOf("failure", restored);
        assertThat(failure.parked()).isTrue();
        assertThat(failure.held()).singleElement().satisfies(held -> {
            assertThat(held.deadlineName()).isEqualTo(OutsideCalls.OUTCOME);
            CallOutcome outcome = (CallOutcome) SupervisedSagaFixture.payloadOf(held);
            assertThat(outcome.result()).isEqualTo(new AirtableAnswer.Page(new RecordPage(List.of(
                    InMemoryAirtable.record(ORDERS, 1), InMemoryAirtable.record(ORDERS, 2),
                    InMemoryAirtable.record(ORDERS, 3)), "page-2")));
        });
    }

    /**
     * A real instance after page 1 of Orders, as the fixture keeps it between messages: waiting for Airtable's
     * answer for page 2, or ({@code answered}) with that page staged, waiting for it to be recorded.
     */
    private AirtableSyncRunSaga sagaOnSecondPage(boolean answered) throws Exception {
        SagaTestFixture<AirtableSyncRunSaga> fixture = fixture();
        Supplier<AirtableSyncRunSaga> instance = SupervisedSagaFixture.instanceOf(fixture);
        ContinuedGivenState given = fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(new SyncPageImported(SYNC, RUN, TENANT, WORKSPACE, ORDERS, 1, 3));
        if (answered) {
            given.andThenTimeElapses(OUTCOMES_DUE);
        }
        AirtableSyncRunSaga saga = instance.get();
        assertThat(saga).extracting("commandGateway", "airtable", "stagedRecords", "journal").doesNotContainNull();
        return saga;
    }

    private SagaTestFixture<AirtableSyncRunSaga> fixture() {
        SagaTestFixture<AirtableSyncRunSaga> fixture = new SagaTestFixture<>(AirtableSyncRunSaga.class);
        fixture.registerResource(airtable);
        fixture.registerResource(staged);
        SupervisedSagaFixture.register(fixture, new RecordingSagaJournal());
        return fixture;
    }

    private static SyncSchemaFetched schemaFetched() {
        return new SyncSchemaFetched(SYNC, RUN, TENANT, WORKSPACE, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA));
    }

    private static SyncRunRequested requested() {
        return new SyncRunRequested(SYNC, RUN, TENANT, WORKSPACE, BASE, List.of(ORDERS, PEOPLE), "vault:sales");
    }
}
