package io.baseplane.saga.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.common.RuleViolationException;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.airtable.client.AirtableException;
import io.baseplane.saga.airtable.client.AirtableException.Kind;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.testing.RecordingSagaJournal;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirtableSyncRunSagaTest {

    private static final AirtableSyncId SYNC = AirtableSyncId.of("7a1c2a3b-0000-4000-8000-000000000001");
    private static final SyncRunId RUN = SyncRunId.of("7a1c2a3b-0000-4000-8000-000000000002");
    private static final TenantId TENANT = TenantId.of("7a1c2a3b-0000-4000-8000-000000000003");
    private static final WorkspaceId WORKSPACE = WorkspaceId.of("7a1c2a3b-0000-4000-8000-000000000004");
    private static final String BASE = "appBBBBBBBBBBBBBB";
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";
    private static final String PEOPLE = "tblPPPPPPPPPPPPPP";
    private static final String NOTES = "tblNNNNNNNNNNNNNN";
    private static final String TOKEN_REF = "vault:airtable/sales";

    private static final TableSchema ORDERS_SCHEMA = new TableSchema(ORDERS, "Orders",
            List.of(new FieldSchema("fldAAAAAAAAAAAAAA", "Number", "autoNumber")));
    private static final TableSchema PEOPLE_SCHEMA = new TableSchema(PEOPLE, "People",
            List.of(new FieldSchema("fldCCCCCCCCCCCCCC", "Name", "singleLineText")));
    /** In the base but not synced. */
    private static final TableSchema NOTES_SCHEMA = new TableSchema(NOTES, "Notes",
            List.of(new FieldSchema("fldDDDDDDDDDDDDDD", "Text", "multilineText")));

    private final SagaTestFixture<AirtableSyncRunSaga> fixture = new SagaTestFixture<>(AirtableSyncRunSaga.class);
    private final InMemoryAirtable airtable = new InMemoryAirtable();
    private final InMemoryStagedRecords staged = new InMemoryStagedRecords();
    private final RecordingSagaJournal journal = new RecordingSagaJournal();

    @BeforeEach
    void registerResources() {
        // Orders: a page of 3 and a page of 2; People: one page of 2; Notes is in the base only.
        airtable.table(NOTES_SCHEMA, 1).table(ORDERS_SCHEMA, 3, 2).table(PEOPLE_SCHEMA, 2);
        fixture.registerResource(airtable);
        fixture.registerResource(staged);
        fixture.registerResource(journal);
    }

    // ---- the forward path ---------------------------------------------------------------------------

    @Test
    void aRequestedRunFetchesTheSchemaOfTheSyncedTablesInTheSyncsOrder() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("runId", RUN.toString())
                .expectDispatchedCommands(new RecordSchemaFetchedCommand(SYNC, RUN, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA)));

        assertThat(airtable.calls()).containsExactly("schema");
        assertThat(journal.timeline()).containsExactly("fetch schema STARTED");
    }

    @Test
    void aFetchedSchemaImportsTheFirstPageOfTheFirstTable() {
        fixture.givenAPublished(requested())
                .whenPublishingA(schemaFetched())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 1, 3));

        assertThat(staged.staged(RUN)).hasSize(3).allMatch(record -> record.startsWith(ORDERS + "/"));
        assertThat(staged.visible(SYNC)).isEmpty();
    }

    @Test
    void aPageWithAnOffsetFetchesTheNextPageOfTheSameTable() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .whenPublishingA(page(ORDERS, 1, 3))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 2, 2));

        assertThat(airtable.calls()).containsExactly("schema", ORDERS + " page 1", ORDERS + " page 2");
        assertThat(staged.staged(RUN)).hasSize(5);
    }

    @Test
    void theLastPageOfATableMovesOnToTheNextTable() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 3))
                .whenPublishingA(page(ORDERS, 2, 2))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, PEOPLE, 1, 2));
    }

    @Test
    void theLastPageOfTheLastTableCompletesTheRunPublishesItsRecordsAndEndsTheSaga() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 3))
                .andThenAPublished(page(ORDERS, 2, 2))
                .whenPublishingA(page(PEOPLE, 1, 2))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new CompleteSyncRunCommand(SYNC, RUN));

        assertThat(staged.visible(SYNC)).hasSize(7);
        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(journal.timeline()).containsExactly(
                "fetch schema STARTED", "fetch schema SUCCEEDED",
                "import " + ORDERS + " page 1 STARTED", "import " + ORDERS + " page 1 SUCCEEDED",
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 SUCCEEDED",
                "import " + PEOPLE + " page 1 STARTED", "import " + PEOPLE + " page 1 SUCCEEDED",
                "complete run STARTED", "complete run SUCCEEDED", "publish records STARTED", "publish records SUCCEEDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("AirtableSyncRun");
            assertThat(entry.sagaKey()).isEqualTo(RUN.toString());
            assertThat(entry.tenantId()).isEqualTo(TENANT);
        });
    }

    @Test
    void aTableWithoutRecordsIsImportedAsOneEmptyPage() {
        withAnEmptyOrdersTable().givenAPublished(requested())
                .whenPublishingA(schemaFetched())
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 1, 0));
    }

    @Test
    void aRunWithAnEmptyTableStillCompletes() {
        withAnEmptyOrdersTable().givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 0))
                .whenPublishingA(page(PEOPLE, 1, 1))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new CompleteSyncRunCommand(SYNC, RUN));

        assertThat(staged.visible(SYNC)).containsExactly(PEOPLE + "/" + InMemoryAirtable.record(PEOPLE, 1).id());
    }

    @Test
    void aRunCompletedByOthersPublishesWhatWasStagedAndEndsTheSaga() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .whenPublishingA(new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(staged.visible(SYNC)).hasSize(3);
        assertThat(journal.timeline()).endsWith("publish records STARTED", "publish records SUCCEEDED");
    }

    @Test
    void aPageDeliveredAgainIsNotImportedTwice() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 3))
                .whenPublishingA(page(ORDERS, 1, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void eventsOfAnotherRunDoNotReachTheSaga() {
        SyncRunId other = SyncRunId.of("7a1c2a3b-0000-4000-8000-000000000009");

        fixture.givenAPublished(requested())
                .whenPublishingA(new SyncSchemaFetched(SYNC, other, TENANT, WORKSPACE, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA)))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(airtable.calls()).containsExactly("schema");
    }

    // ---- failures -----------------------------------------------------------------------------------

    @Test
    void aSchemaThatCannotBeFetchedFailsTheRunWithTheReason() {
        airtable.failSchema(new AirtableException(Kind.UNAUTHORIZED, 401, null,
                "GET /v0/meta/bases/" + BASE + "/tables answered 401 (AUTHENTICATION_REQUIRED)", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN, "fetch schema failed: UNAUTHORIZED: GET /v0/meta/bases/"
                        + BASE + "/tables answered 401 (AUTHENTICATION_REQUIRED)"));

        assertThat(journal.timeline()).containsExactly(
                "fetch schema STARTED", "fetch schema FAILED", "discard staged records COMPENSATING");
        assertThat(journal.details(StepTransition.FAILED)).singleElement().asString().contains("401");
    }

    @Test
    void aMissingTokenFailsTheRunWithoutNamingTheTokenReference() {
        airtable.failSchema(new AirtableException(Kind.MISSING_TOKEN,
                "no Airtable access token is stored under tokenRef '" + TOKEN_REF + "'"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "fetch schema failed: no Airtable access token is configured under the sync's token reference"));

        assertThat(journal.entries()).allSatisfy(entry -> assertThat(String.valueOf(entry.detail())).doesNotContain(TOKEN_REF));
    }

    @Test
    void airtableFailingMidwayFailsTheRunAtThatPage() {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, 503, null,
                "GET /v0/" + BASE + "/" + ORDERS + " answered 503", null));

        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .whenPublishingA(page(ORDERS, 1, 3))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "import " + ORDERS + " page 2 failed: UNAVAILABLE: GET /v0/" + BASE + "/" + ORDERS + " answered 503"));

        assertThat(staged.staged(RUN)).as("page 1 stays staged until the compensation").hasSize(3);
        assertThat(staged.visible(SYNC)).isEmpty();
        assertThat(journal.timeline()).endsWith("import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 FAILED",
                "discard staged records COMPENSATING");
    }

    @Test
    void anUnexpectedFailureOfTheClientFailsTheRunNamedByTypeOnly() {
        airtable.failPage(ORDERS, 1, new IllegalStateException("parser broke on " + TOKEN_REF));

        fixture.givenAPublished(requested())
                .whenPublishingA(schemaFetched())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "import " + ORDERS + " page 1 failed: unexpected IllegalStateException"));
    }

    @Test
    void aRefusedCommandFailsTheRunWithTheRefusalAsReason() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RecordSchemaFetchedCommand) {
                throw new RuleViolationException("airtable.schema-mismatch", "The schema lacks synchronised table(s) " + PEOPLE);
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordSchemaFetchedCommand(SYNC, RUN, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA)),
                        new FailSyncRunCommand(SYNC, RUN, "fetch schema failed: The schema lacks synchronised table(s) " + PEOPLE));
    }

    @Test
    void aFailedRunDiscardsItsStagedRecordsAndIsMarkedCompensated() {
        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 3))
                .whenPublishingA(failed("import " + ORDERS + " page 2 failed: UNAVAILABLE"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkSyncRunCompensatedCommand(SYNC, RUN));

        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(staged.visible(SYNC)).isEmpty();
    }

    @Test
    void theCompensatedRunEndsTheSagaAndTheJournalTellsTheWholeStory() {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.NOT_FOUND, 404, null, "GET /v0/x answered 404", null));
        String reason = "import " + ORDERS + " page 2 failed: NOT_FOUND: GET /v0/x answered 404";

        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .andThenAPublished(page(ORDERS, 1, 3))
                .andThenAPublished(failed(reason))
                .whenPublishingA(new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly(
                "fetch schema STARTED", "fetch schema SUCCEEDED",
                "import " + ORDERS + " page 1 STARTED", "import " + ORDERS + " page 1 SUCCEEDED",
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 FAILED",
                "discard staged records COMPENSATING", "discard staged records COMPENSATED");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsExactly(reason);
    }

    @Test
    void aRunFailedFromOutsideTheSagaIsCompensatedAndJournaledWithItsReason() {
        fixture.givenAPublished(requested())
                .whenPublishingA(failed("stopped by an operator"))
                .expectDispatchedCommands(new MarkSyncRunCompensatedCommand(SYNC, RUN));

        assertThat(journal.timeline()).endsWith("discard staged records COMPENSATING");
        assertThat(journal.details(StepTransition.COMPENSATING)).containsExactly("stopped by an operator");
    }

    @Test
    void aRefusedCompensationLeavesTheSagaActiveForOperators() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof MarkSyncRunCompensatedCommand) {
                throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .whenPublishingA(failed("boom"))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1);

        assertThat(journal.timeline()).endsWith("discard staged records COMPENSATION_FAILED");
        assertThat(journal.details(StepTransition.COMPENSATION_FAILED))
                .containsExactly("discard staged records failed: Tenant is suspended");
    }

    @Test
    void aRunThatEndedWithoutTheSagaCannotBeFailedSoTheSagaDropsItsStagingAndEnds() {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, "down"));
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof FailSyncRunCommand) {
                throw new RuleViolationException("airtable.run-finished", "Run is already COMPLETED");
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .andThenAPublished(schemaFetched())
                .whenPublishingA(page(ORDERS, 1, 3))
                .expectActiveSagas(0);

        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(journal.timeline()).endsWith("discard staged records COMPENSATING", "discard staged records COMPENSATION_FAILED");
    }

    /** A fixture whose base has no Orders records and one People record. */
    private SagaTestFixture<AirtableSyncRunSaga> withAnEmptyOrdersTable() {
        SagaTestFixture<AirtableSyncRunSaga> emptyFixture = new SagaTestFixture<>(AirtableSyncRunSaga.class);
        emptyFixture.registerResource(new InMemoryAirtable().table(ORDERS_SCHEMA).table(PEOPLE_SCHEMA, 1));
        emptyFixture.registerResource(staged);
        emptyFixture.registerResource(journal);
        return emptyFixture;
    }

    // ---- events -------------------------------------------------------------------------------------

    private static SyncRunRequested requested() {
        return new SyncRunRequested(SYNC, RUN, TENANT, WORKSPACE, BASE, List.of(ORDERS, PEOPLE), TOKEN_REF);
    }

    private static SyncSchemaFetched schemaFetched() {
        return new SyncSchemaFetched(SYNC, RUN, TENANT, WORKSPACE, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA));
    }

    private static SyncPageImported page(String table, int number, int records) {
        return new SyncPageImported(SYNC, RUN, TENANT, WORKSPACE, table, number, records);
    }

    private static SyncRunFailed failed(String reason) {
        return new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, reason);
    }
}
