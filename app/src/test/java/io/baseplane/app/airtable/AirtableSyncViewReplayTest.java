package io.baseplane.app.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.CompleteSyncRunCommand;
import io.baseplane.kernel.airtable.ConnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.DisconnectAirtableBaseCommand;
import io.baseplane.kernel.airtable.FailSyncRunCommand;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.MarkSyncRunCompensatedCommand;
import io.baseplane.kernel.airtable.RecordPageImportedCommand;
import io.baseplane.kernel.airtable.RecordSchemaFetchedCommand;
import io.baseplane.kernel.airtable.RequestSyncRunCommand;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.projection.ReadModelGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resetting the airtable-sync-view processor clears its rows (reset handler) and the replay of the whole
 * event store rebuilds them exactly as they were, row by row. Runs are driven by hand here, so the run
 * saga is held.
 */
@ExtendWith(HoldSyncRunSaga.class)
class AirtableSyncViewReplayTest extends PlatformTestBase {

    private static final Map<String, String> TABLES = Map.of(
            "airtable_sync_view", "sync_id",
            "airtable_sync_view_table", "sync_id, position",
            "sync_run_view", "run_id",
            "sync_run_view_table", "run_id, position");
    private static final String ORDERS = "tblOOOOOOOOOOOOOO";

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aResetProcessorRebuildsTheSameRows() {
        String tenantId = createTenant("TEAM");
        WorkspaceId workspaceId = WorkspaceId.of(provisionWorkspace(tenantId, "olivia", "Replay"));
        AirtableSyncId syncId = AirtableSyncId.random();
        send(tenantId, new ConnectAirtableBaseCommand(syncId, workspaceId, TenantId.of(tenantId),
                "appRRRRRRRRRRRRRR", List.of(ORDERS), "vault:replay"));
        SyncRunId completed = SyncRunId.random();
        send(tenantId, new RequestSyncRunCommand(syncId, completed));
        send(tenantId, new RecordSchemaFetchedCommand(syncId, completed, List.of(new TableSchema(ORDERS, "Orders",
                List.of(new FieldSchema("fldAAAAAAAAAAAAAA", "Number", "autoNumber"))))));
        send(tenantId, new RecordPageImportedCommand(syncId, completed, ORDERS, 1, 100));
        send(tenantId, new RecordPageImportedCommand(syncId, completed, ORDERS, 2, 3));
        send(tenantId, new CompleteSyncRunCommand(syncId, completed));
        SyncRunId compensated = SyncRunId.random();
        send(tenantId, new RequestSyncRunCommand(syncId, compensated));
        send(tenantId, new FailSyncRunCommand(syncId, compensated, "rate limited for good"));
        send(tenantId, new MarkSyncRunCompensatedCommand(syncId, compensated));
        send(tenantId, new DisconnectAirtableBaseCommand(syncId));
        long version = events.typesOf(syncId).size() - 1;
        eventually(() -> jdbc.queryForList("select version from airtable_sync_view where sync_id = ?::uuid",
                Long.class, syncId.toString()).equals(List.of(version)));
        Map<String, List<Map<String, Object>>> before = rows();
        assertThat(before.get("sync_run_view")).isNotEmpty();

        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModelGroups.AIRTABLE_SYNC_VIEW, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from sync_run_view", Long.class)).isZero();
        processor.start();

        eventually(() -> rows().equals(before));
        assertThat(rows()).isEqualTo(before);
    }

    private void send(String tenantId, Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("tenantId", tenantId, "userId", "alice")));
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> rows.put(table, jdbc.queryForList("select * from " + table + " order by " + key)));
        return rows;
    }
}
