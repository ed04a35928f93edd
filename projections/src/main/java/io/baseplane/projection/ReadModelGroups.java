package io.baseplane.projection;

import java.util.List;

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
     * Bean name of the JPA transaction manager of the read models (docs/adr/0006-read-models-on-jpa.md), for
     * the query handlers' read-only transactions.
     */
    public static final String TRANSACTION_MANAGER = "readModelTransactionManager";

    private ReadModelGroups() {
    }
}
