-- Workflow execution (issue 4): persistent deadlines, the records UPSERT_RECORD steps write, and the
-- command-side lookup of event-triggered workflows. V10 belongs to the Airtable work.

-- ---- persistent deadlines (ADR 0008) ----------------------------------------------------------------
-- db-scheduler's table in its PostgreSQL form. Axon's DbSchedulerDeadlineManager keeps one row per
-- scheduled deadline; the human-readable variant is used, so task_data is JSON text in bytea:
--   select task_instance, execution_time, convert_from(task_data, 'UTF8') from scheduled_tasks;
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- ---- records written by UPSERT_RECORD steps ----------------------------------------------------------
-- A small workspace-scoped key/value store: (workspace, table, key) -> JSON object. An upsert replaces the
-- fields, so a step executed twice (a redelivered event) leaves the same row.
create table workflow_record (
    workspace_id uuid         not null,
    tenant_id    uuid         not null,
    table_name   varchar(100) not null,
    record_key   varchar(200) not null,
    fields       jsonb        not null,
    updated_at   timestamptz  not null,
    primary key (workspace_id, table_name, record_key)
);

create index workflow_record_tenant_idx on workflow_record (tenant_id);

-- ---- command-side lookup: which workflows an event or the clock starts -------------------------------
-- One row per workflow, kept by a subscribing handler in the Workflow's event transaction. event_type is
-- set only for EVENT triggers; the trigger handler reads the enabled rows of a workspace and event type.
-- cron and next_fire_at only for SCHEDULE triggers: the schedule runner claims due rows by moving
-- next_fire_at on (a conditional update, so one instance fires each time).
create table workflow_trigger (
    workflow_id  uuid         primary key,
    tenant_id    uuid         not null,
    workspace_id uuid         not null,
    trigger_type varchar(20)  not null check (trigger_type in ('MANUAL', 'SCHEDULE', 'EVENT')),
    event_type   varchar(100),
    cron         varchar(100),
    next_fire_at timestamptz,
    enabled      boolean      not null
);

create index workflow_trigger_event_idx on workflow_trigger (workspace_id, event_type) where enabled;
create index workflow_trigger_due_idx on workflow_trigger (next_fire_at) where enabled and next_fire_at is not null;
