package io.baseplane.app.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.saga.airtable.StagedRecords;
import io.baseplane.saga.airtable.client.AirtableRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The staging and the swap of imported records on PostgreSQL, each call in a transaction as a saga step has. */
class JdbcStagedRecordsTest extends PlatformTestBase {

    private static final String ORDERS = "tblOrders00000001";
    private static final String PEOPLE = "tblPeople00000001";
    private static final Instant CREATED = Instant.parse("2026-02-03T04:05:06Z");

    @Autowired
    private StagedRecords staged;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction;
    private final AirtableSyncId syncId = AirtableSyncId.random();
    private final AirtableSyncId otherSync = AirtableSyncId.random();

    @BeforeEach
    void transactions() {
        transaction = new TransactionTemplate(transactionManager);
    }

    @Test
    void stagedRecordsStayOutOfTheVisibleOnesUntilPublished() {
        SyncRunId run = SyncRunId.random();

        inTransaction(() -> staged.stage(syncId, run, ORDERS, records("recA", "recB")));

        assertThat(visible(syncId)).isEmpty();
        assertThat(stagedIds(run)).containsExactly(ORDERS + "/recA", ORDERS + "/recB");
        Map<String, Object> row = jdbc.queryForMap("select fields::text as fields, created_time, sync_id::text as sync_id "
                + "from airtable_record_staging where run_id = ?::uuid and record_id = 'recA'", run.toString());
        assertThat(row.get("fields").toString()).contains("\"Name\": \"recA\"").contains("\"Tags\": [\"x\", null]");
        assertThat(((java.sql.Timestamp) row.get("created_time")).toInstant()).isEqualTo(CREATED);
        assertThat(row.get("sync_id")).isEqualTo(syncId.toString());
    }

    @Test
    void aPageStagedAgainOverwritesItsRecordsInsteadOfFailing() {
        SyncRunId run = SyncRunId.random();
        inTransaction(() -> staged.stage(syncId, run, ORDERS, records("recA", "recB")));

        inTransaction(() -> staged.stage(syncId, run, ORDERS, List.of(new AirtableRecord("recA", null, Map.of("Name", "again")))));

        assertThat(stagedIds(run)).containsExactly(ORDERS + "/recA", ORDERS + "/recB");
        assertThat(jdbc.queryForObject("select fields ->> 'Name' from airtable_record_staging where run_id = ?::uuid "
                + "and record_id = 'recA'", String.class, run.toString())).isEqualTo("again");
    }

    @Test
    void publishingReplacesTheSyncsVisibleRecordsAndDropsTheStaging() {
        SyncRunId first = SyncRunId.random();
        SyncRunId second = SyncRunId.random();
        SyncRunId ofOtherSync = SyncRunId.random();
        inTransaction(() -> {
            staged.stage(syncId, first, ORDERS, records("recA", "recB"));
            staged.stage(otherSync, ofOtherSync, ORDERS, records("recZ"));
            staged.publish(syncId, first);
            staged.publish(otherSync, ofOtherSync);
        });
        inTransaction(() -> {
            staged.stage(syncId, second, ORDERS, records("recB", "recC"));
            staged.stage(syncId, second, PEOPLE, records("recP"));
        });
        assertThat(visible(syncId)).containsExactly(ORDERS + "/recA " + first, ORDERS + "/recB " + first);

        long published = transaction.execute(status -> staged.publish(syncId, second));

        assertThat(published).isEqualTo(3);
        assertThat(visible(syncId)).containsExactly(
                ORDERS + "/recB " + second, ORDERS + "/recC " + second, PEOPLE + "/recP " + second);
        assertThat(visible(otherSync)).containsExactly(ORDERS + "/recZ " + ofOtherSync);
        assertThat(stagedIds(second)).isEmpty();
    }

    @Test
    void aPublishRolledBackLeavesThePreviousRecordsAndTheStagingAsTheyWere() {
        SyncRunId first = SyncRunId.random();
        SyncRunId second = SyncRunId.random();
        inTransaction(() -> {
            staged.stage(syncId, first, ORDERS, records("recA"));
            staged.publish(syncId, first);
            staged.stage(syncId, second, ORDERS, records("recB"));
        });

        transaction.executeWithoutResult(status -> {
            staged.publish(syncId, second);
            status.setRollbackOnly();
        });

        assertThat(visible(syncId)).containsExactly(ORDERS + "/recA " + first);
        assertThat(stagedIds(second)).containsExactly(ORDERS + "/recB");
    }

    @Test
    void discardingDropsOnlyThatRunsStagedRecords() {
        SyncRunId failed = SyncRunId.random();
        SyncRunId other = SyncRunId.random();
        inTransaction(() -> {
            staged.stage(syncId, failed, ORDERS, records("recA", "recB"));
            staged.stage(otherSync, other, ORDERS, records("recA"));
        });

        long discarded = transaction.execute(status -> staged.discard(failed));

        assertThat(discarded).isEqualTo(2);
        assertThat(stagedIds(failed)).isEmpty();
        assertThat(stagedIds(other)).containsExactly(ORDERS + "/recA");
        assertThat(visible(syncId)).isEmpty();
    }

    private void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    private static List<AirtableRecord> records(String... ids) {
        return Arrays.stream(ids).map(id -> {
            Map<String, Object> fields = new HashMap<>();
            fields.put("Name", id);
            fields.put("Tags", Arrays.asList("x", null));
            return new AirtableRecord(id, CREATED, fields);
        }).toList();
    }

    private List<String> stagedIds(SyncRunId run) {
        return jdbc.queryForList("select table_id || '/' || record_id from airtable_record_staging where run_id = ?::uuid "
                + "order by table_id, record_id", String.class, run.toString());
    }

    private List<String> visible(AirtableSyncId sync) {
        return jdbc.queryForList("select table_id || '/' || record_id || ' ' || run_id from airtable_record "
                + "where sync_id = ?::uuid order by table_id, record_id", String.class, sync.toString());
    }
}
