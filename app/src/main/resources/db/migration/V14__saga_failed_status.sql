-- A saga that ended after a step failed with nothing to undo (a workflow run whose first step was refused) ends
-- FAILED, not COMPENSATED: nothing was compensated (issue 11, point 13).
alter table saga_instance add column failed boolean not null default false;
alter table saga_instance drop constraint saga_instance_status_check;
alter table saga_instance add constraint saga_instance_status_check
    check (status in ('RUNNING', 'RETRYING', 'PARKED', 'COMPENSATING', 'COMPLETED', 'FAILED', 'COMPENSATED',
                      'COMPENSATION_FAILED'));
