-- Read models of the tenant-view and workspace-view processing groups (projections module). They are
-- derived data: a replay deletes and rebuilds them from the event store. "version" is the sequence number
-- of the aggregate's last event applied; an event at or below it is a repeat and is ignored.

create table tenant_view (
    tenant_id       uuid         primary key,
    name            varchar(100) not null,
    plan            varchar(20)  not null,
    status          varchar(20)  not null,
    -- workspaces holding one of the plan's slots; the quota itself follows from the plan
    workspace_count integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);

-- Discarded workspaces keep their row (status DISCARDED) so that a late repeat of an older event cannot
-- bring them back; every query leaves them out.
create table workspace_view (
    workspace_id   uuid          primary key,
    tenant_id      uuid          not null,
    name           varchar(100)  not null,
    description    varchar(1000) not null,
    status         varchar(20)   not null,
    member_count   integer       not null,
    created_at     timestamptz   not null,
    last_active_at timestamptz   not null,
    version        bigint        not null
);

-- A tenant's workspaces in their stable order (created_at, then id), a page at a time; with and without
-- the status filter.
create index workspace_view_tenant_order_idx on workspace_view (tenant_id, created_at, workspace_id);
create index workspace_view_tenant_status_order_idx on workspace_view (tenant_id, status, created_at, workspace_id);
-- Case-insensitive name search within a tenant: exact names and prefixes (lower(name) like 'q%') are a range
-- of this index. The API's "contains" (like '%q%') is a filter on the tenant's rows, which the tenant
-- indexes above find; a tenant's workspaces are bounded by its plan, except on ENTERPRISE.
create index workspace_view_tenant_name_idx on workspace_view (tenant_id, lower(name) text_pattern_ops);

create table workspace_member_view (
    workspace_id uuid         not null references workspace_view (workspace_id) on delete cascade,
    user_id      varchar(255) not null,
    role         varchar(20)  not null,
    since        timestamptz  not null,
    primary key (workspace_id, user_id)
);

-- A workspace's members in their stable order (since, then user id), a page at a time.
create index workspace_member_view_order_idx on workspace_member_view (workspace_id, since, user_id);
