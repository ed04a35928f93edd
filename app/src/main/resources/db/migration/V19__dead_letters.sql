-- Dead letters of the view processors: Axon's JdbcSequencedDeadLetterQueue, one queue per processing group, owned by
-- the app module's deadletter package. A view handler that fails on an event for a reason other than a database
-- hiccup parks that event, and every later event of the same aggregate, here, in order; the processor goes on with
-- the other aggregates until an operator retries or evicts them.
--
-- The columns are those of Axon's GenericDeadLetterTableFactory, in snake_case (DeadLetterConfiguration.SCHEMA maps
-- them); payload, metadata, token and diagnostics are bytea holding UTF-8 JSON (Jackson), as in the event store.
-- Times are ISO-8601 text, as Axon writes and compares them.
create table dead_letter_entry (
    dead_letter_id       varchar(255)  not null primary key,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    -- Axon's own key of a letter's place in its sequence. Its leading columns also serve the lookups by processing
    -- group and by (group, sequence) that Axon's table factory gives indexes of their own; those would be redundant.
    constraint dead_letter_entry_sequence_index_key unique (processing_group, sequence_identifier, sequence_index)
);

-- The operators' list groups sequences by the failure of their first failed letter: those are the letters with a
-- cause (usually one per sequence), read in sequence order.
create index dead_letter_entry_failures_idx
    on dead_letter_entry (processing_group, sequence_identifier, sequence_index)
    where cause_type is not null;

-- Whether an event is parked already (a batch handled again after a parking, a replay): by its identifier.
create index dead_letter_entry_event_idx on dead_letter_entry (processing_group, event_identifier);
