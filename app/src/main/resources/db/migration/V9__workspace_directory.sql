-- Command-side lookup of each workspace's tenant and status (ACTIVE, ARCHIVED, DISCARDED), written in the
-- same transaction as the Workspace's events. Syncs and workflows check it before they accept new work.
create table workspace_directory (
    workspace_id uuid        primary key,
    tenant_id    uuid        not null,
    status       varchar(20) not null check (status in ('ACTIVE', 'ARCHIVED', 'DISCARDED'))
);

-- Workspaces stored before this table existed: their tenant is in the member-count lookup (which drops
-- discarded workspaces), and an archive is one event in the store.
insert into workspace_directory (workspace_id, tenant_id, status)
select workspace_id, tenant_id, 'ACTIVE' from workspace_member_count;

update workspace_directory set status = 'ARCHIVED'
where workspace_id::text in (select aggregate_identifier from domain_event_entry
                             where payload_type = 'io.baseplane.kernel.workspace.WorkspaceArchived');
