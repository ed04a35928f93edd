-- Axon event store for the JDBC storage engine (see docs/adr/0002-event-storage-engine.md).
-- Payloads and metadata are UTF-8 JSON in bytea columns: readable with convert_from(payload, 'UTF8'),
-- and the audit_event_log view below does that for auditors. No oid large objects anywhere.

create table domain_event_entry (
    -- Identity column: increments by exactly one with no cache, so the only gaps in the global index
    -- are those of rolled-back transactions, which the tracking processors' gap detection handles.
    global_index         bigint generated always as identity (start with 1 increment by 1 cache 1) primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_event_identifier_key unique (event_identifier),
    -- Optimistic locking of aggregates: two writers of the same sequence number cannot both commit.
    constraint domain_event_entry_aggregate_sequence_key unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_key unique (event_identifier)
);

-- The event log as auditors read it: one row per event, payload and metadata as jsonb.
create view audit_event_log as
select global_index,
       event_identifier,
       type                                  as aggregate_type,
       aggregate_identifier,
       sequence_number,
       time_stamp::timestamptz               as occurred_at,
       payload_type,
       payload_revision,
       convert_from(payload, 'UTF8')::jsonb  as payload,
       convert_from(meta_data, 'UTF8')::jsonb as meta_data
from domain_event_entry;
