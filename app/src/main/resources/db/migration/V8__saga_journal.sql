-- Every step transition of every saga, for the operators' dashboard: a timeline per saga instance
-- (saga_type, saga_key) and per tenant, readable without deserialising saga state.
create table saga_journal (
    id          bigint generated always as identity primary key,
    saga_type   varchar(100)  not null,
    saga_key    varchar(100)  not null,
    tenant_id   uuid,
    step        varchar(200)  not null,
    transition  varchar(30)   not null
        check (transition in ('STARTED', 'SUCCEEDED', 'FAILED', 'COMPENSATING', 'COMPENSATED', 'COMPENSATION_FAILED')),
    detail      varchar(2000),
    recorded_at timestamptz   not null
);

create index saga_journal_instance_idx on saga_journal (saga_type, saga_key, id);
create index saga_journal_tenant_idx on saga_journal (tenant_id, recorded_at);
