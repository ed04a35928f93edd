package io.baseplane.command.airtable;

import io.baseplane.kernel.airtable.AirtableBaseConnected;
import io.baseplane.kernel.airtable.AirtableSyncId;
import io.baseplane.kernel.airtable.FieldSchema;
import io.baseplane.kernel.airtable.SyncPageImported;
import io.baseplane.kernel.airtable.SyncRunId;
import io.baseplane.kernel.airtable.SyncRunRequested;
import io.baseplane.kernel.airtable.SyncSchemaFetched;
import io.baseplane.kernel.airtable.TableSchema;
import io.baseplane.command.testing.Callers;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;

/** One tenant's sync of a two-table base, and the events that bring it into a given state. */
final class Samples {

    static final TenantId TENANT = TenantId.of("6f1c1a52-3c57-4d7c-9a55-2a1f4d0e8b01");
    static final WorkspaceId WORKSPACE = WorkspaceId.of("0b6e5a3e-8d8f-4d55-a5c3-0f3bfa0c2d11");
    static final AirtableSyncId SYNC = AirtableSyncId.of("a4d0f6a8-3d5e-4c6b-9f3e-5c1b2a7d9e21");
    static final SyncRunId RUN = SyncRunId.of("5d2e8c41-7b9a-4f0e-8c6d-1e3f5a7b9c31");
    static final SyncRunId NEXT_RUN = SyncRunId.of("9e7c5a31-1f2d-4b6e-8a0c-3d5f7b9e1a41");
    static final String BASE = "appABCDEFGHIJ1234";
    static final String TABLE_A = "tblAAAAAAAAAAAAAA";
    static final String TABLE_B = "tblBBBBBBBBBBBBBB";
    static final List<String> TABLES = List.of(TABLE_A, TABLE_B);
    static final String TOKEN_REF = "vault:airtable/acme-prod";

    /** A member of the sync's tenant. */
    static final Map<String, Object> AS_MEMBER = Callers.adminOf(TENANT, "alice");
    /** An admin of some other tenant. */
    static final Map<String, Object> AS_OTHER_TENANT = Callers.adminOfAnotherTenant();
    /** The run saga, acting on a chain without a tenant in its metadata. */
    static final Map<String, Object> AS_SYSTEM = Map.of();

    private Samples() {
    }

    static AirtableBaseConnected connected() {
        return new AirtableBaseConnected(SYNC, WORKSPACE, TENANT, BASE, TABLES, TOKEN_REF);
    }

    static SyncRunRequested requested(SyncRunId run) {
        return new SyncRunRequested(SYNC, run, TENANT, WORKSPACE, BASE, TABLES, TOKEN_REF);
    }

    static List<TableSchema> schema() {
        return List.of(table(TABLE_A, "Projects"), table(TABLE_B, "Tasks"));
    }

    static TableSchema table(String tableId, String name) {
        return new TableSchema(tableId, name, List.of(
                new FieldSchema("fldNAME0000000001", "Name", "singleLineText"),
                new FieldSchema("fldSTATUS00000001", "Status", "singleSelect")));
    }

    static SyncSchemaFetched schemaFetched(SyncRunId run) {
        return new SyncSchemaFetched(SYNC, run, TENANT, WORKSPACE, schema());
    }

    static SyncPageImported page(SyncRunId run, String table, int pageNumber, int recordCount) {
        return new SyncPageImported(SYNC, run, TENANT, WORKSPACE, table, pageNumber, recordCount);
    }
}
