package io.baseplane.command.airtable;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.airtable.Samples.AS_MEMBER;
import static io.baseplane.command.airtable.Samples.AS_OTHER_TENANT;
import static io.baseplane.command.airtable.Samples.AS_SYSTEM;
import static io.baseplane.command.airtable.Samples.NEXT_RUN;
import static io.baseplane.command.airtable.Samples.RUN;
import static io.baseplane.command.airtable.Samples.SYNC;
import static io.baseplane.command.airtable.Samples.TABLE_A;
import static io.baseplane.command.airtable.Samples.TABLE_B;
import static io.baseplane.command.airtable.Samples.TENANT;
import static io.baseplane.command.airtable.Samples.WORKSPACE;
import static io.baseplane.command.airtable.Samples.connected;
import static io.baseplane.command.airtable.Samples.page;
import static io.baseplane.command.airtable.Samples.requested;
import static io.baseplane.command.airtable.Samples.schema;
import static io.baseplane.command.airtable.Samples.schemaFetched;
import static io.baseplane.command.airtable.Samples.table;

import io.baseplane.kernel.airtable.AirtableBaseDisconnected;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.airtable.SyncRunCompensated;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import io.baseplane.kernel.airtable.SyncRunFailed;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.TableSchema;
import java.util.List;
import io.baseplane.command.testing.FixedTokenGrants;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirtableSyncRunTest {

    private FixtureConfiguration<AirtableSync> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AirtableSync.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.allOpen(TENANT, WORKSPACE));
        fixture.registerInjectableResource(FixedTokenGrants.all());
    }

    private static RecordPageImportedCommand importPage(String table, int pageNumber, int recordCount) {
        return new RecordPageImportedCommand(SYNC, RUN, table, pageNumber, recordCount);
    }

    // requesting a run

    @Test
    void requestsARunCarryingTheBaseTablesAndTokenReference() {
        fixture.given(connected())
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectEvents(requested(RUN));
    }

    @Test
    void refusesASecondRunWhileOneIsInProgress() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(new RequestSyncRunCommand(SYNC, NEXT_RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.run-in-progress"));
    }

    @Test
    void refusesANewRunWhileAFailedRunAwaitsCompensation() {
        fixture.given(connected(), requested(RUN), new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "Airtable said 403"))
                .when(new RequestSyncRunCommand(SYNC, NEXT_RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.run-in-progress"));
    }

    @Test
    void acceptsANewRunOnceTheLastOneCompleted() {
        fixture.given(connected(), requested(RUN), new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new RequestSyncRunCommand(SYNC, NEXT_RUN), AS_MEMBER)
                .expectEvents(requested(NEXT_RUN));
    }

    @Test
    void refusesToReuseTheIdOfAFinishedRun() {
        fixture.given(connected(), requested(RUN), new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.run-finished"));
    }

    @Test
    void refusesARunOfADisconnectedBase() {
        fixture.given(connected(), new AirtableBaseDisconnected(SYNC, TENANT, WORKSPACE))
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.disconnected"));
    }

    @Test
    void refusesARunRequestFromAnotherTenant() {
        fixture.given(connected())
                .when(new RequestSyncRunCommand(SYNC, RUN), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    // schema

    @Test
    void recordsTheSchemaOfTheRequestedRun() {
        fixture.given(connected(), requested(RUN))
                .when(new RecordSchemaFetchedCommand(SYNC, RUN, schema()), AS_SYSTEM)
                .expectEvents(schemaFetched(RUN));
    }

    @Test
    void refusesASchemaForARunThatIsNotTheCurrentOne() {
        fixture.given(connected(), requested(RUN))
                .when(new RecordSchemaFetchedCommand(SYNC, NEXT_RUN, schema()), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.unknown-run"));
    }

    @Test
    void refusesASecondSchemaForTheSameRun() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(new RecordSchemaFetchedCommand(SYNC, RUN, schema()), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.schema-already-fetched"));
    }

    @Test
    void refusesASchemaThatLacksASynchronisedTable() {
        fixture.given(connected(), requested(RUN))
                .when(new RecordSchemaFetchedCommand(SYNC, RUN, List.of(table(TABLE_A, "Projects"))), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.schema-mismatch"));
    }

    @Test
    void refusesASchemaWithAMalformedFieldId() {
        TableSchema broken = new TableSchema(TABLE_B, "Tasks", List.of(new FieldSchema("Name", "Name", "singleLineText")));
        fixture.given(connected(), requested(RUN))
                .when(new RecordSchemaFetchedCommand(SYNC, RUN, List.of(table(TABLE_A, "Projects"), broken)), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("tables[1].fields[0].id"));
    }

    // pages

    @Test
    void importsTheFirstPageOfATableOnceTheSchemaIsKnown() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(importPage(TABLE_A, 1, 100), AS_SYSTEM)
                .expectEvents(page(RUN, TABLE_A, 1, 100));
    }

    @Test
    void importsTheFirstPageOfAnotherTableWhileOneIsUnderWay() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(importPage(TABLE_B, 1, 7), AS_SYSTEM)
                .expectEvents(page(RUN, TABLE_B, 1, 7));
    }

    @Test
    void importsTheNextPageOfATable() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(importPage(TABLE_A, 2, 42), AS_SYSTEM)
                .expectEvents(page(RUN, TABLE_A, 2, 42));
    }

    @Test
    void refusesAPageThatSkipsAhead() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(importPage(TABLE_A, 3, 100), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.page-out-of-order"));
    }

    @Test
    void refusesAPageImportedTwice() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(importPage(TABLE_A, 1, 100), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.page-out-of-order"));
    }

    @Test
    void refusesAPageBeforeTheSchemaIsKnown() {
        fixture.given(connected(), requested(RUN))
                .when(importPage(TABLE_A, 1, 10), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.schema-not-fetched"));
    }

    @Test
    void refusesAPageOfMoreThanAHundredRecords() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(importPage(TABLE_A, 1, 101), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("recordCount"));
    }

    @Test
    void refusesANegativeRecordCount() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(importPage(TABLE_A, 1, -1), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("recordCount"));
    }

    @Test
    void refusesAPageOfATableTheSyncDoesNotCover() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(importPage("tblCCCCCCCCCCCCCC", 1, 10), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.unknown-table"));
    }

    // completion

    @Test
    void completesARunWithTheTotalOfItsStagedRecords() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN),
                        page(RUN, TABLE_A, 1, 100), page(RUN, TABLE_A, 2, 20), page(RUN, TABLE_B, 1, 0))
                .when(new CompleteSyncRunCommand(SYNC, RUN), AS_SYSTEM)
                .expectEvents(new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 120));
    }

    @Test
    void refusesToCompleteBeforeEveryTableHasAPage() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(new CompleteSyncRunCommand(SYNC, RUN), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.import-incomplete"));
    }

    @Test
    void refusesToCompleteARunWithoutSchema() {
        fixture.given(connected(), requested(RUN))
                .when(new CompleteSyncRunCommand(SYNC, RUN), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.schema-not-fetched"));
    }

    @Test
    void refusesAnyChangeToACompletedRun() {
        fixture.given(connected(), requested(RUN), new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new FailSyncRunCommand(SYNC, RUN, "too late"), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.run-finished"));
    }

    // failure and compensation

    @Test
    void failsARunInProgressWithItsReason() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100))
                .when(new FailSyncRunCommand(SYNC, RUN, "  Airtable answered 503 five times\n"), AS_SYSTEM)
                .expectEvents(new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "Airtable answered 503 five times"));
    }

    @Test
    void refusesAFailureWithoutReason() {
        fixture.given(connected(), requested(RUN))
                .when(new FailSyncRunCommand(SYNC, RUN, " "), AS_SYSTEM)
                .expectNoEvents()
                .expectException(invalid("reason"));
    }

    @Test
    void refusesToImportIntoAFailedRun() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "boom"))
                .when(importPage(TABLE_A, 1, 10), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.run-failed"));
    }

    @Test
    void compensatesAFailedRunByDiscardingItsStagedRecords() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN), page(RUN, TABLE_A, 1, 100),
                        page(RUN, TABLE_A, 2, 30), new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "boom"))
                .when(new MarkSyncRunCompensatedCommand(SYNC, RUN), AS_SYSTEM)
                .expectEvents(new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 130));
    }

    @Test
    void refusesToCompensateARunThatDidNotFail() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(new MarkSyncRunCompensatedCommand(SYNC, RUN), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.run-not-failed"));
    }

    @Test
    void refusesAnyChangeToACompensatedRun() {
        fixture.given(connected(), requested(RUN), new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "boom"),
                        new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new MarkSyncRunCompensatedCommand(SYNC, RUN), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.run-finished"));
    }

    @Test
    void acceptsANewRunOnceTheFailedOneIsCompensated() {
        fixture.given(connected(), requested(RUN), new SyncRunFailed(SYNC, RUN, TENANT, WORKSPACE, "boom"),
                        new SyncRunCompensated(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new RequestSyncRunCommand(SYNC, NEXT_RUN), AS_MEMBER)
                .expectEvents(requested(NEXT_RUN));
    }

    @Test
    void refusesARunIdTheSyncNeverSaw() {
        fixture.given(connected())
                .when(new FailSyncRunCommand(SYNC, SyncRunId.random(), "boom"), AS_SYSTEM)
                .expectNoEvents()
                .expectException(violates("airtable.unknown-run"));
    }

    @Test
    void refusesRunProgressFromAnotherTenant() {
        fixture.given(connected(), requested(RUN), schemaFetched(RUN))
                .when(importPage(TABLE_A, 1, 10), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }
}
