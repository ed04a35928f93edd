-- First responses of POST requests that carried an Idempotency-Key, replayed for repeats.
create table idempotency_record (
    principal      varchar(300) not null,
    idempotency_key varchar(255) not null,
    request_hash   varchar(64)  not null,
    -- null while the first request is still being handled
    status         integer,
    content_type   varchar(255),
    headers        text,
    body           bytea,
    created_at     timestamptz  not null default now(),
    primary key (principal, idempotency_key)
);

create index idempotency_record_created_idx on idempotency_record (created_at);
