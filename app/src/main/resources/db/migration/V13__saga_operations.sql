-- Saga operations (issue 10, ADR 0015): what operators list, filter and act on, owned by the sagas module.

-- ---- one row per saga instance ---------------------------------------------------------------------
-- Kept by the saga journal in the saga's own transaction: every journal entry moves last_progress_at and,
-- where the transition says so, the status. saga_id is Axon's saga identifier (saga_entry.saga_id); the row
-- outlives the saga's entry, so ended sagas stay listed until baseplane.sagas.retention has passed.
create table saga_instance (
    saga_id             varchar(255) primary key,
    saga_type           varchar(100) not null,
    saga_key            varchar(100) not null,
    tenant_id           uuid,
    status              varchar(30)  not null
        check (status in ('RUNNING', 'RETRYING', 'PARKED', 'COMPENSATING', 'COMPLETED', 'COMPENSATED',
                          'COMPENSATION_FAILED')),
    -- Sticky facts the final status is derived from when the saga ends.
    compensating        boolean      not null default false,
    compensation_failed boolean      not null default false,
    current_step        varchar(200),
    attempts            integer      not null default 0,
    last_error          varchar(2000),
    started_at          timestamptz  not null,
    last_progress_at    timestamptz  not null,
    ended_at            timestamptz
);

create index saga_instance_status_idx on saga_instance (status, last_progress_at);
create index saga_instance_type_idx on saga_instance (saga_type, started_at);
create index saga_instance_tenant_idx on saga_instance (tenant_id, started_at);
create index saga_instance_key_idx on saga_instance (saga_key);
create index saga_instance_ended_idx on saga_instance (ended_at) where ended_at is not null;

-- ---- the journal learns retries, parking and operators' actions -------------------------------------
alter table saga_journal add column saga_id varchar(255);
alter table saga_journal add column attempt integer;
-- Who acted, for operators' actions (retry, abort, fire deadline); null for the saga's own steps.
alter table saga_journal add column actor varchar(200);
alter table saga_journal drop constraint saga_journal_transition_check;
alter table saga_journal add constraint saga_journal_transition_check
    check (transition in ('STARTED', 'SUCCEEDED', 'FAILED', 'COMPENSATING', 'COMPENSATED', 'COMPENSATION_FAILED',
                          'RETRYING', 'PARKED', 'RESUMED', 'ENDED', 'OPERATOR_RETRY', 'OPERATOR_ABORT',
                          'OPERATOR_FIRE_DEADLINE'));
create index saga_journal_saga_idx on saga_journal (saga_id, id);

-- ---- batch actions as jobs ----------------------------------------------------------------------------
-- A batch retry or abort over a filter runs as a job: any node answers GET /api/v1/ops/jobs/{id} from here.
create table saga_batch_job (
    job_id      uuid         primary key,
    action      varchar(20)  not null check (action in ('RETRY', 'ABORT')),
    filter      jsonb        not null,
    reason      varchar(500) not null,
    actor       varchar(200) not null,
    status      varchar(20)  not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    total       integer      not null,
    done        integer      not null default 0,
    failed      integer      not null default 0,
    created_at  timestamptz  not null,
    finished_at timestamptz
);
