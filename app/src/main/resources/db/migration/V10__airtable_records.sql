-- Airtable records imported by the AirtableSyncRun saga (docs/adr/0009-airtable-records-staging.md).
-- Records are not in events (too large); these tables are written by the saga in its own transaction.

-- The pages a run has imported so far. Never read by the API: a run's records become visible only when
-- the run completes, and a failed run's rows are deleted by its compensation.
create table airtable_record_staging (
    run_id       uuid         not null,
    sync_id      uuid         not null,
    table_id     varchar(17)  not null,
    record_id    varchar(64)  not null,
    fields       jsonb        not null,
    created_time timestamptz,
    primary key (run_id, table_id, record_id)
);

-- The records of each sync's last completed run. Replaced as a whole, in one transaction, when a run
-- completes: readers see either the previous run's records or the new run's, never a mix.
create table airtable_record (
    sync_id      uuid         not null,
    table_id     varchar(17)  not null,
    record_id    varchar(64)  not null,
    run_id       uuid         not null,
    fields       jsonb        not null,
    created_time timestamptz,
    primary key (sync_id, table_id, record_id)
);
