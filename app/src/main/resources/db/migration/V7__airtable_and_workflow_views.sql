-- Read models of the Airtable and workflow contexts (processing groups airtable-sync-view and
-- workflow-view). Every view row keeps "version", the sequence number of the last event of its aggregate
-- it reflects; projectors ignore events at or below it, so a replayed or redelivered event changes nothing.
-- Child rows (tables, steps) go with their parent row.

-- ---- airtable-sync-view ------------------------------------------------------------------------------

create table airtable_sync_view (
    sync_id               uuid        primary key,
    tenant_id             uuid        not null,
    workspace_id          uuid        not null,
    base_id               text        not null,
    connected             boolean     not null,
    last_run_id           uuid,
    last_run_status       varchar(20),
    last_run_records      bigint,
    last_run_requested_at timestamptz,
    last_run_finished_at  timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);

create table airtable_sync_view_table (
    sync_id  uuid    not null references airtable_sync_view (sync_id) on delete cascade,
    position integer not null,
    table_id text    not null,
    primary key (sync_id, position)
);

-- Runs are entities of the sync aggregate: "version" is the sync's sequence number of the last event that
-- changed the run.
create table sync_run_view (
    run_id            uuid        primary key,
    sync_id           uuid        not null,
    tenant_id         uuid        not null,
    workspace_id      uuid        not null,
    status            varchar(20) not null,
    tables_total      integer     not null,
    pages_imported    bigint      not null,
    records_imported  bigint      not null,
    failure_reason    text,
    discarded_records bigint,
    requested_at      timestamptz not null,
    failed_at         timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz not null,
    version           bigint      not null
);

-- Runs of a sync, newest request first, ties by run id.
create index sync_run_view_by_sync_idx on sync_run_view (sync_id, requested_at desc, run_id);

create table sync_run_view_table (
    run_id           uuid    not null references sync_run_view (run_id) on delete cascade,
    position         integer not null,
    table_id         text    not null,
    table_name       text,
    field_count      integer,
    pages_imported   integer not null,
    records_imported bigint  not null,
    primary key (run_id, position)
);

-- ---- workflow-view -----------------------------------------------------------------------------------

-- Which workspaces exist and whose they are, so a list of a workspace's workflows can tell an empty
-- workspace from an unknown or foreign one without reading another group's view.
create table workflow_view_workspace (
    workspace_id uuid    primary key,
    tenant_id    uuid    not null,
    discarded    boolean not null,
    version      bigint  not null
);

create table workflow_view (
    workflow_id           uuid        primary key,
    tenant_id             uuid        not null,
    workspace_id          uuid        not null,
    name                  text        not null,
    trigger_type          varchar(20) not null,
    trigger_cron          text,
    trigger_event_type    text,
    enabled               boolean     not null,
    runs_requested        bigint      not null,
    last_run_requested_at timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);

-- Workflows of a workspace, oldest first, ties by id.
create index workflow_view_by_workspace_idx on workflow_view (workspace_id, created_at, workflow_id);

create table workflow_view_step (
    workflow_id       uuid        not null references workflow_view (workflow_id) on delete cascade,
    position          integer     not null,
    name              text        not null,
    step_type         varchar(20) not null,
    timeout_seconds   integer,
    compensation_type varchar(20),
    primary key (workflow_id, position)
);

-- A run is an aggregate of its own: "version" is the run's sequence number, not the workflow's.
create table workflow_run_view (
    run_id         uuid        primary key,
    workflow_id    uuid        not null,
    tenant_id      uuid        not null,
    workspace_id   uuid        not null,
    status         varchar(20) not null,
    failure_reason text,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    updated_at     timestamptz not null,
    version        bigint      not null
);

-- Runs of a workflow, most recently started first, ties by run id.
create index workflow_run_view_by_workflow_idx on workflow_run_view (workflow_id, started_at desc, run_id);

create table workflow_run_view_step (
    run_id         uuid        not null references workflow_run_view (run_id) on delete cascade,
    position       integer     not null,
    name           text        not null,
    step_type      varchar(20) not null,
    status         varchar(20) not null,
    error          text,
    started_at     timestamptz,
    finished_at    timestamptz,
    compensated_at timestamptz,
    primary key (run_id, position)
);
