-- Notifications the platform owes someone; a relay delivers them and sets delivered_at.
create table notification_outbox (
    id           uuid         primary key,
    tenant_id    uuid,
    recipient    varchar(255) not null,
    topic        varchar(100) not null,
    body         text         not null,
    created_at   timestamptz  not null default now(),
    delivered_at timestamptz
);

create index notification_outbox_pending_idx on notification_outbox (created_at) where delivered_at is null;
