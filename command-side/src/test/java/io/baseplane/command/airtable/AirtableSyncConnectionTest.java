package io.baseplane.command.airtable;

import static io.baseplane.command.testing.DomainMatchers.invalid;
import static io.baseplane.command.testing.DomainMatchers.notFound;
import static io.baseplane.command.testing.DomainMatchers.violates;
import static io.baseplane.command.airtable.Samples.AS_MEMBER;
import static io.baseplane.command.airtable.Samples.AS_OTHER_TENANT;
import static io.baseplane.command.airtable.Samples.BASE;
import static io.baseplane.command.airtable.Samples.RUN;
import static io.baseplane.command.airtable.Samples.SYNC;
import static io.baseplane.command.airtable.Samples.TABLES;
import static io.baseplane.command.airtable.Samples.TABLE_A;
import static io.baseplane.command.airtable.Samples.TENANT;
import static io.baseplane.command.airtable.Samples.TOKEN_REF;
import static io.baseplane.command.airtable.Samples.WORKSPACE;
import static io.baseplane.command.airtable.Samples.connected;
import static io.baseplane.command.airtable.Samples.requested;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.baseplane.kernel.airtable.AirtableBaseConnected;
import io.baseplane.kernel.airtable.AirtableBaseDisconnected;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.DisconnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.SyncRunCompleted;
import java.util.List;
import java.util.stream.IntStream;
import io.baseplane.command.testing.FixedTokenGrants;
import io.baseplane.command.testing.InMemoryWorkspaceDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirtableSyncConnectionTest {

    private FixtureConfiguration<AirtableSync> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AirtableSync.class);
        fixture.registerInjectableResource(InMemoryWorkspaceDirectory.allOpen(TENANT, WORKSPACE));
        fixture.registerInjectableResource(FixedTokenGrants.all());
    }

    private static ConnectAirtableBaseCommand connect(String baseId, List<String> tableIds, String tokenRef) {
        return new ConnectAirtableBaseCommand(SYNC, WORKSPACE, TENANT, baseId, tableIds, tokenRef);
    }

    @Test
    void connectsABaseByItsIdsAndATokenReference() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, TABLES, TOKEN_REF), AS_MEMBER)
                .expectEvents(new AirtableBaseConnected(SYNC, WORKSPACE, TENANT, BASE, TABLES, TOKEN_REF));
    }

    @Test
    void refusesAMalformedBaseId() {
        fixture.givenNoPriorActivity()
                .when(connect("appTooShort", TABLES, TOKEN_REF), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("baseId"));
    }

    @Test
    void refusesAMalformedTableId() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, List.of(TABLE_A, "viwAAAAAAAAAAAAAA"), TOKEN_REF), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("tableIds[1]"));
    }

    @Test
    void refusesATableNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, List.of(TABLE_A, TABLE_A), TOKEN_REF), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("tableIds[1]"));
    }

    @Test
    void refusesNoTables() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, List.of(), TOKEN_REF), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("tableIds"));
    }

    @Test
    void refusesMoreThanFiftyTables() {
        List<String> tables = IntStream.range(0, 51).mapToObj(i -> String.format("tbl%014d", i)).toList();
        fixture.givenNoPriorActivity()
                .when(connect(BASE, tables, TOKEN_REF), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("tableIds"));
    }

    @Test
    void refusesATokenInPlaceOfATokenReferenceWithoutEchoingIt() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, TABLES, "Bearer patSECRET123.abcdef"), AS_MEMBER)
                .expectNoEvents()
                .expectException(invalid("tokenRef"))
                .expectExceptionMessage(not(containsString("SECRET")));
    }

    @Test
    void refusesToConnectABaseForAnotherTenant() {
        fixture.givenNoPriorActivity()
                .when(connect(BASE, TABLES, TOKEN_REF), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void disconnectsAnIdleBase() {
        fixture.given(connected(), requested(RUN), new SyncRunCompleted(SYNC, RUN, TENANT, WORKSPACE, 0))
                .when(new DisconnectAirtableBaseCommand(SYNC), AS_MEMBER)
                .expectEvents(new AirtableBaseDisconnected(SYNC, TENANT, WORKSPACE));
    }

    @Test
    void refusesToDisconnectWhileARunIsActive() {
        fixture.given(connected(), requested(RUN))
                .when(new DisconnectAirtableBaseCommand(SYNC), AS_MEMBER)
                .expectNoEvents()
                .expectException(violates("airtable.run-in-progress"));
    }

    @Test
    void disconnectingADisconnectedBaseChangesNothing() {
        fixture.given(connected(), new AirtableBaseDisconnected(SYNC, TENANT, WORKSPACE))
                .when(new DisconnectAirtableBaseCommand(SYNC), AS_MEMBER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void hidesTheSyncFromAnotherTenant() {
        fixture.given(connected())
                .when(new DisconnectAirtableBaseCommand(SYNC), AS_OTHER_TENANT)
                .expectNoEvents()
                .expectException(notFound());
    }
}
