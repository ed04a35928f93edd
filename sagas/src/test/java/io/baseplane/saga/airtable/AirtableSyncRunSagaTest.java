package io.baseplane.saga.airtable;

import static io.baseplane.saga.testing.SupervisedSagaFixture.FIRST_BACKOFF;
import static io.baseplane.saga.testing.SupervisedSagaFixture.OUTCOMES_DUE;
import static io.baseplane.saga.testing.CommandAnswers.failTimes;
import static io.baseplane.saga.testing.CommandAnswers.refuse;
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
import io.baseplane.kernel.saga.SagaAbortRequested;
import io.baseplane.kernel.saga.SagaRetryRequested;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.saga.airtable.client.AirtableException;
import io.baseplane.saga.airtable.client.AirtableException.Kind;
import io.baseplane.saga.journal.StepTransition;
import io.baseplane.saga.testing.HeldCalls;
import io.baseplane.saga.testing.RecordingSagaJournal;
import io.baseplane.saga.testing.SupervisedSagaFixture;
import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync run saga: the schema, then each table page by page, each call to Airtable off the handler; Airtable's
 * refusals and the aggregate's fail the run, which discards what was staged; Airtable unavailable, a call that
 * never answers and failing writes are retried and then parked; operators retry or abort.
 */
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
    /** The longest a call to the in-memory Airtable may take (the client's default): then it counts as lost. */
    private static final Duration LONGEST_CALL = Duration.ofMinutes(5);
    private static final String ABORTED = "aborted by an operator: wrong base";

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
    private final HeldCalls calls = new HeldCalls();

    @BeforeEach
    void registerResources() {
        // Orders: a page of 3 and a page of 2; People: one page of 2; Notes is in the base only.
        airtable.table(NOTES_SCHEMA, 1).table(ORDERS_SCHEMA, 3, 2).table(PEOPLE_SCHEMA, 2);
        fixture.registerResource(airtable);
        fixture.registerResource(staged);
        SupervisedSagaFixture.register(fixture, journal, calls.outsideCalls());
    }

    // ---- the forward path ---------------------------------------------------------------------------

    @Test
    void aRequestedRunFetchesTheSchemaOfTheSyncedTablesInTheSyncsOrder() {
        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectAssociationWith("runId", RUN.toString())
                .expectDispatchedCommands(schemaRecorded())
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).containsExactly("schema");
        assertThat(journal.timeline()).containsExactly("fetch schema STARTED");
    }

    @Test
    void airtableIsCalledOffTheHandlerAndItsAnswerArrivesOnlyWhenTimeElapses() {
        calls.hold();

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(LONGEST_CALL, "saga-call-timeout");
        assertThat(airtable.calls()).as("the handler only hands the call to the pool").isEmpty();
        assertThat(calls.waiting()).isEqualTo(1);

        calls.runWaiting();
        assertThat(airtable.calls()).containsExactly("schema");

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(schemaRecorded())
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFetchedSchemaImportsTheFirstPageOfTheFirstTable() throws Exception {
        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 1, 3));

        assertThat(staged.staged(RUN)).hasSize(3).allMatch(record -> record.startsWith(ORDERS + "/"));
        assertThat(staged.visible(SYNC)).isEmpty();
    }

    @Test
    void aPageWithAnOffsetFetchesTheNextPageOfTheSameTable() throws Exception {
        untilPageImported(ORDERS, 1, 3)
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 2, 2));

        assertThat(airtable.calls()).containsExactly("schema", ORDERS + " page 1", ORDERS + " page 2");
        assertThat(staged.staged(RUN)).hasSize(5);
    }

    @Test
    void theLastPageOfATableMovesOnToTheNextTable() throws Exception {
        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(page(ORDERS, 2, 2))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, PEOPLE, 1, 2));
    }

    @Test
    void theLastPageOfTheLastTableCompletesTheRunPublishesItsRecordsAndEndsTheSaga() throws Exception {
        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(page(ORDERS, 2, 2))
                .andThenTimeElapses(OUTCOMES_DUE)
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
                "complete run STARTED", "complete run SUCCEEDED",
                "publish records STARTED", "publish records SUCCEEDED", "end ENDED");
        assertThat(journal.entries()).allSatisfy(entry -> {
            assertThat(entry.sagaType()).isEqualTo("AirtableSyncRun");
            assertThat(entry.sagaKey()).isEqualTo(RUN.toString());
            assertThat(entry.tenantId()).isEqualTo(TENANT);
        });
    }

    @Test
    void aTableWithoutRecordsIsImportedAsOneEmptyPage() throws Exception {
        withAnEmptyOrdersTable().givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 1, 0));
    }

    @Test
    void aRunWithAnEmptyTableStillCompletes() throws Exception {
        withAnEmptyOrdersTable().givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(page(ORDERS, 1, 0))
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(page(PEOPLE, 1, 1))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new CompleteSyncRunCommand(SYNC, RUN));

        assertThat(staged.visible(SYNC)).containsExactly(PEOPLE + "/" + InMemoryAirtable.record(PEOPLE, 1).id());
    }

    @Test
    void aRunCompletedByOthersPublishesWhatWasStagedAndEndsTheSaga() throws Exception {
        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(staged.visible(SYNC)).hasSize(3);
        assertThat(journal.timeline()).endsWith("publish records STARTED", "publish records SUCCEEDED", "end ENDED");
    }

    @Test
    void aPageDeliveredAgainIsNotImportedTwice() throws Exception {
        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(page(ORDERS, 1, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(airtable.calls()).containsExactly("schema", ORDERS + " page 1", ORDERS + " page 2");
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

    // ---- refusals fail the run, which discards what was staged --------------------------------------

    @Test
    void aSchemaAirtableRefusesFailsTheRunWithTheReason() {
        airtable.failSchema(new AirtableException(Kind.UNAUTHORIZED, 401, null,
                "GET /v0/meta/bases/" + BASE + "/tables answered 401 (AUTHENTICATION_REQUIRED)", null));

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
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

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "fetch schema failed: no Airtable access token is configured under the sync's token reference"));

        assertThat(journal.entries()).allSatisfy(entry -> assertThat(String.valueOf(entry.detail())).doesNotContain(TOKEN_REF));
    }

    @Test
    void aPageAirtableRefusesFailsTheRunAtThatPage() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.NOT_FOUND, 404, null,
                "GET /v0/" + BASE + "/" + ORDERS + " answered 404", null));

        untilPageImported(ORDERS, 1, 3)
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "import " + ORDERS + " page 2 failed: NOT_FOUND: GET /v0/" + BASE + "/" + ORDERS
                                + " answered 404"));

        assertThat(staged.staged(RUN)).as("page 1 stays staged until the compensation").hasSize(3);
        assertThat(staged.visible(SYNC)).isEmpty();
        assertThat(journal.timeline()).endsWith("import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 FAILED",
                "discard staged records COMPENSATING");
    }

    @Test
    void aBaseThatLacksEverySyncedTableFailsTheRunNamingThem() {
        airtable.deleteTable(ORDERS);
        airtable.deleteTable(PEOPLE);

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "fetch schema failed: base " + BASE + " has no table(s) " + ORDERS + ", " + PEOPLE));

        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "fetch schema FAILED",
                "discard staged records COMPENSATING");
    }

    @Test
    void aBaseThatLacksOneSyncedTableFailsTheRunNamingIt() {
        airtable.deleteTable(PEOPLE);

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN,
                        "fetch schema failed: base " + BASE + " has no table(s) " + PEOPLE));
    }

    @Test
    void aRefusedCommandFailsTheRunWithTheRefusalAsReason() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RecordSchemaFetchedCommand) {
                throw new RuleViolationException("airtable.schema-mismatch", "The schema lacks synchronised table(s) " + PEOPLE);
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordSchemaFetchedCommand(SYNC, RUN, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA)),
                        new FailSyncRunCommand(SYNC, RUN, "fetch schema failed: The schema lacks synchronised table(s) " + PEOPLE));
    }

    @Test
    void aFailedRunDiscardsItsStagedRecordsAndIsMarkedCompensated() throws Exception {
        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenPublishingA(failed("import " + ORDERS + " page 2 failed: NOT_FOUND"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkSyncRunCompensatedCommand(SYNC, RUN));

        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(staged.visible(SYNC)).isEmpty();
    }

    @Test
    void theCompensatedRunEndsTheSagaAndTheJournalTellsTheWholeStory() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.NOT_FOUND, 404, null, "GET /v0/x answered 404", null));
        String reason = "import " + ORDERS + " page 2 failed: NOT_FOUND: GET /v0/x answered 404";

        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(failed(reason))
                .whenPublishingA(new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);

        assertThat(journal.timeline()).containsExactly(
                "fetch schema STARTED", "fetch schema SUCCEEDED",
                "import " + ORDERS + " page 1 STARTED", "import " + ORDERS + " page 1 SUCCEEDED",
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 FAILED",
                "discard staged records COMPENSATING", "discard staged records COMPENSATED", "end ENDED");
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
    void aRunThatEndedWithoutTheSagaCannotBeFailedSoTheSagaDropsItsStagingAndEnds() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.NOT_FOUND, "gone"));
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof FailSyncRunCommand) {
                throw new RuleViolationException("airtable.run-finished", "Run is already COMPLETED");
            }
            return null;
        });

        untilPageImported(ORDERS, 1, 3)
                .whenTimeElapses(OUTCOMES_DUE)
                .expectActiveSagas(0);

        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(journal.timeline()).endsWith("discard staged records COMPENSATING",
                "discard staged records COMPENSATION_FAILED", "end ENDED");
    }

    // ---- technical failures are retried, never compensated ------------------------------------------

    @Test
    void airtableUnavailableMidwayIsAskedAgainAfterTheBackoffWithoutFailingTheRun() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, 503, null,
                "GET /v0/" + BASE + "/" + ORDERS + " answered 503", null), 1);

        untilPageImported(ORDERS, 1, 3)
                .whenTimeElapses(OUTCOMES_DUE)
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(staged.staged(RUN)).as("what was staged stays").hasSize(3);
        assertThat(journal.timeline())
                .endsWith("import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).containsExactly(
                "import " + ORDERS + " page 2 failed: UNAVAILABLE: GET /v0/" + BASE + "/" + ORDERS + " answered 503");
    }

    @Test
    void thePageAskedForAgainAfterTheBackoffIsImported() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null), 1);

        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordPageImportedCommand(SYNC, RUN, ORDERS, 2, 2))
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls())
                .containsExactly("schema", ORDERS + " page 1", ORDERS + " page 2", ORDERS + " page 2");
        assertThat(staged.staged(RUN)).hasSize(5);
        assertThat(journal.timeline()).endsWith("import " + ORDERS + " page 2 RETRYING",
                "import " + ORDERS + " page 2 STARTED", "import " + ORDERS + " page 2 RESUMED");
        assertThat(journal.timeline()).noneMatch(line -> line.contains("FAILED") || line.contains("COMPENSAT"));
    }

    @Test
    void airtableRateLimitingIsRetriedToo() {
        airtable.failSchema(
                new AirtableException(Kind.RATE_LIMITED, 429, Duration.ofSeconds(30), "answered 429", null), 1);

        fixture.givenAPublished(requested())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "fetch schema RETRYING");
    }

    @Test
    void anUnexpectedFailureOfTheClientIsRetriedAndNamedByTypeOnly() throws Exception {
        airtable.failPage(ORDERS, 1, new IllegalStateException("parser broke on " + TOKEN_REF));

        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).endsWith("import " + ORDERS + " page 1 RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).singleElement().asString()
                .contains("unexpected IllegalStateException").doesNotContain(TOKEN_REF);
    }

    @Test
    void aCommandThatFailsTechnicallyRetriesItsHandlerWithTheSameAnswer() throws Exception {
        int[] sent = {0};
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RecordSchemaFetchedCommand && sent[0]++ == 0) {
                throw new ConcurrencyException("run changed meanwhile");
            }
            return null;
        });

        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(schemaRecorded())
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).as("the answer is held, Airtable not asked again").containsExactly("schema");
        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "handle CallOutcome RETRYING",
                "handle CallOutcome RESUMED");
    }

    @Test
    void aCallWhoseAnswerDoesNotComeInTimeCountsAsATechnicalFailure() {
        calls.hold();

        fixture.givenAPublished(requested())
                .whenTimeElapses(LONGEST_CALL)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-timeout"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "fetch schema RETRYING");
        assertThat(journal.details(StepTransition.RETRYING)).singleElement().asString()
                .startsWith("fetch schema failed: no outcome in time");
    }

    @Test
    void anAnswerForACallTheSagaNoLongerWaitsForIsIgnored() throws Exception {
        calls.hold();
        fixture.givenAPublished(requested())
                .andThenTimeElapses(LONGEST_CALL);
        // The call that timed out answers after all, late.
        calls.runWaiting();

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-outcome"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "fetch schema RETRYING");
    }

    @Test
    void airtableThatStaysUnavailableParksTheRunForAnOperator() {
        airtable.failSchema(new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null));

        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).containsExactly("schema", "schema", "schema");
        assertThat(journal.timeline()).containsExactly("fetch schema STARTED", "fetch schema RETRYING",
                "fetch schema RETRYING", "fetch schema PARKED");
        assertThat(journal.entries()).filteredOn(entry -> entry.attempt() != null)
                .extracting(entry -> entry.attempt()).containsExactly(1, 2, 3);
    }

    @Test
    void stagingThatFailsEveryTimeParksTheRunWithoutTheExceptionEscaping() throws Exception {
        staged.failStagingWith(new IllegalStateException("staging table missing"));

        fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .whenTimeElapses(OUTCOMES_DUE)
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, "saga-retry");

        fixture.whenTimeElapses(Duration.ofMinutes(5))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).as("the page is held, not fetched again")
                .containsExactly("schema", ORDERS + " page 1");
        assertThat(journal.timeline()).filteredOn(line -> line.startsWith("handle")).containsExactly(
                "handle CallOutcome RETRYING", "handle CallOutcome RETRYING", "handle CallOutcome PARKED");
    }

    @Test
    void aRunFailedFromOutsideWhileAirtableIsAskedAgainIsNotAskedAnyMore() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null), 1);
        // The run stays FAILED (its compensation was refused), so the saga is still there when the retry is due.
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof MarkSyncRunCompensatedCommand) {
                throw new RuleViolationException("tenant.suspended", "Tenant is suspended");
            }
            return null;
        });

        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(failed("stopped by an operator"))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).containsExactly("schema", ORDERS + " page 1", ORDERS + " page 2");
        assertThat(staged.staged(RUN)).as("discarded, and nothing staged since").isEmpty();
    }

    // ---- operators ----------------------------------------------------------------------------------

    @Test
    void anOperatorsRetryOfAParkedRunAsksAirtableAgainAndGoesOn() throws Exception {
        airtable.failSchema(new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null),
                SupervisedSagaFixture.MAX_ATTEMPTS);

        fixture.givenAPublished(requested())
                .andThenTimeElapses(Duration.ofMinutes(1))
                .andThenAPublished(new SagaRetryRequested(journal.sagaId(), "AirtableSyncRun", "Airtable is back"))
                .whenTimeElapses(OUTCOMES_DUE)
                .expectDispatchedCommands(schemaRecorded())
                .expectNoScheduledDeadlines();

        assertThat(airtable.calls()).hasSize(SupervisedSagaFixture.MAX_ATTEMPTS + 1);
        assertThat(journal.timeline()).endsWith("fetch schema PARKED", "fetch schema RESUMED");
    }

    @Test
    void anOperatorsAbortFailsTheRunWithTheOperatorsReason() throws Exception {
        airtable.failSchema(new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null));

        fixture.givenAPublished(requested())
                .andThenTimeElapses(Duration.ofMinutes(1))
                .whenPublishingA(abort())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN, ABORTED))
                .expectNoScheduledDeadlines();

        assertThat(journal.timeline())
                .endsWith("fetch schema PARKED", "abort FAILED", "discard staged records COMPENSATING");
    }

    @Test
    void theFailureOfAnAbortedRunDiscardsWhatWasStagedAndEndsTheSagaCompensated() throws Exception {
        airtable.failPage(ORDERS, 2, new AirtableException(Kind.UNAVAILABLE, 503, null, "answered 503", null));

        untilPageImported(ORDERS, 1, 3)
                .andThenTimeElapses(Duration.ofMinutes(1))
                .andThenAPublished(abort())
                .andThenAPublished(failed(ABORTED))
                .whenPublishingA(new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 3))
                .expectActiveSagas(0);

        assertThat(staged.staged(RUN)).isEmpty();
        assertThat(staged.visible(SYNC)).isEmpty();
        assertThat(journal.timeline()).endsWith("import " + ORDERS + " page 2 PARKED", "abort FAILED",
                "discard staged records COMPENSATING", "discard staged records COMPENSATED", "end ENDED");
    }

    @Test
    void anAbortWhileAirtableIsBeingAskedIgnoresItsLateAnswer() {
        calls.hold();
        fixture.givenAPublished(requested())
                .whenPublishingA(abort())
                .expectDispatchedCommands(new FailSyncRunCommand(SYNC, RUN, ABORTED))
                .expectNoScheduledDeadlines();
        calls.runWaiting();

        fixture.whenTimeElapses(OUTCOMES_DUE)
                .expectTriggeredDeadlinesMatching(SupervisedSagaFixture.anyNamed("saga-call-outcome"))
                .expectNoDispatchedCommands();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Requested, schema answered and recorded, pages of {@code table} up to {@code number} imported. */
    private ContinuedGivenState untilPageImported(String table, int number, int records) throws Exception {
        return fixture.givenAPublished(requested())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(schemaFetched())
                .andThenTimeElapses(OUTCOMES_DUE)
                .andThenAPublished(page(table, number, records));
    }

    /** A fixture whose base has no Orders records and one People record. */
    private SagaTestFixture<AirtableSyncRunSaga> withAnEmptyOrdersTable() {
        SagaTestFixture<AirtableSyncRunSaga> emptyFixture = new SagaTestFixture<>(AirtableSyncRunSaga.class);
        emptyFixture.registerResource(new InMemoryAirtable().table(ORDERS_SCHEMA).table(PEOPLE_SCHEMA, 1));
        emptyFixture.registerResource(staged);
        SupervisedSagaFixture.register(emptyFixture, journal);
        return emptyFixture;
    }

    private SagaAbortRequested abort() {
        return new SagaAbortRequested(journal.sagaId(), "AirtableSyncRun", "wrong base");
    }

    private static RecordSchemaFetchedCommand schemaRecorded() {
        return new RecordSchemaFetchedCommand(SYNC, RUN, List.of(ORDERS_SCHEMA, PEOPLE_SCHEMA));
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
