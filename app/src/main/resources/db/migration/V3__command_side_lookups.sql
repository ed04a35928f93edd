-- Set-based lookups of the command side. They are written by subscribing event handlers in the same
-- transaction as the events they derive from, and read by command handlers to decide.

create table tenant_directory (
    tenant_id uuid        primary key,
    plan      varchar(20) not null,
    status    varchar(20) not null
);

-- Workspace names are unique per tenant, compared case-insensitively (name_key is normalised).
create table workspace_name_claim (
    tenant_id    uuid         not null,
    name_key     varchar(400) not null,
    workspace_id uuid         not null unique,
    primary key (tenant_id, name_key)
);

create table workspace_member_count (
    workspace_id uuid    primary key,
    tenant_id    uuid    not null,
    member_count integer not null check (member_count >= 0)
);

create index workspace_member_count_tenant_idx on workspace_member_count (tenant_id, member_count);
