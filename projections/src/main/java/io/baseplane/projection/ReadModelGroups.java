package io.baseplane.projection;

import java.util.List;
import java.util.Map;

/**
 * The processing groups of the read models. Each is a pooled streaming processor (see application.yml),
 * runs in the read models' JPA transactions, and can be reset and replayed on its own.
 */
public final class ReadModelGroups {

    public static final String TENANT_VIEW = "tenant-view";
    public static final String WORKSPACE_VIEW = "workspace-view";
    public static final String AIRTABLE_SYNC_VIEW = "airtable-sync-view";
    public static final String WORKFLOW_VIEW = "workflow-view";

    public static final List<String> ALL = List.of(TENANT_VIEW, WORKSPACE_VIEW, AIRTABLE_SYNC_VIEW, WORKFLOW_VIEW);

    /**
     * The tables each read model's processor keeps, parents before their children: what its reset handler empties and
     * what a blue-green rebuild builds beside the live ones (docs/adr/0022). {@code ViewTablesTest} checks the list
     * against the entities.
     */
    public static final Map<String, List<ViewTable>> TABLES = Map.of(
            TENANT_VIEW, List.of(ViewTable.of("tenant_view", "tenant_id")),
            WORKSPACE_VIEW, List.of(
                    ViewTable.of("workspace_view", "workspace_id"),
                    ViewTable.of("workspace_member_view", "workspace_id")),
            AIRTABLE_SYNC_VIEW, List.of(
                    ViewTable.of("airtable_sync_view", "sync_id"),
                    ViewTable.of("airtable_sync_view_table", "sync_id"),
                    ViewTable.of("sync_run_view", "sync_id"),
                    ViewTable.child("sync_run_view_table", "sync_run_view", "run_id", "sync_id")),
            WORKFLOW_VIEW, List.of(
                    ViewTable.of("workflow_view_workspace", "workspace_id"),
                    ViewTable.of("workflow_view", "workflow_id"),
                    ViewTable.of("workflow_view_step", "workflow_id"),
                    ViewTable.of("workflow_run_view", "run_id"),
                    ViewTable.of("workflow_run_view_step", "run_id")));

    /**
     * Bean name of the JPA transaction manager of the read models (docs/adr/0006-read-models-on-jpa.md), for
     * the query handlers' read-only transactions.
     */
    public static final String TRANSACTION_MANAGER = "readModelTransactionManager";

    private ReadModelGroups() {
    }
}
