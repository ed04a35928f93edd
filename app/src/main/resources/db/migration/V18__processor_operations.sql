-- Operators' control of the event processors (issue 13), owned by the app module's ops package.

-- A processor an operator paused stays stopped on every node until resumed; each node's supervisor reads this table
-- every tick and stops or starts its own instance (docs/adr/0022).
create table processor_control (
    processor_name varchar(255) primary key,
    paused         boolean      not null,
    changed_by     varchar(255) not null,
    reason         varchar(500) not null,
    changed_at     timestamptz  not null
);

-- Replays as records: what was asked, by whom and why, how far it is, and the step the coordinating node is at. A
-- replay survives restarts: its progress is the processor's (or its shadow's) tokens, its step this row.
create table processor_replay (
    replay_id         uuid          primary key,
    processor_name    varchar(255)  not null,
    mode              varchar(20)   not null check (mode in ('IN_PLACE', 'BLUE_GREEN')),
    -- the replay handles the events after this global index (-1: from the first)
    from_index        bigint        not null,
    from_requested    varchar(100)  not null,
    -- the newest event when the replay started: events_total counts those in (from_index, head_at_start]
    head_at_start     bigint        not null,
    status            varchar(20)   not null
        check (status in ('RUNNING', 'CATCHING_UP', 'VERIFYING', 'READY', 'SWITCHED', 'FAILED', 'CANCELLED')),
    step              varchar(20)   not null,
    step_since        timestamptz   not null,
    events_total      bigint        not null,
    events_done       bigint        not null,
    -- events_done counts the events up to this index: each count adds only those since the last one
    counted_to        bigint        not null,
    events_per_second double precision not null,
    auto_switch       boolean       not null,
    started_by        varchar(255)  not null,
    reason            varchar(500)  not null,
    started_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    finished_at       timestamptz,
    failure           varchar(2000),
    -- blue-green: where the shadow tables are built, and where the replaced ones are kept after the switch
    shadow_schema     varchar(63),
    previous_schema   varchar(63),
    -- blue-green: both the live view and the shadow hold at this index while they are compared
    verify_at         bigint,
    diff              text
);

-- One replay per processor at a time: the database refuses a second one however many nodes are asked at once.
create unique index processor_replay_one_active on processor_replay (processor_name) where finished_at is null;
create index processor_replay_recent on processor_replay (started_at desc);

-- Each node reports its processors' errors with its heartbeat (JSON: processor -> message and since when), so any node
-- can show an operator the errors of processors it does not run itself.
alter table platform_node add column processor_errors text not null default '';
