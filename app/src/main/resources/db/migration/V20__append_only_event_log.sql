-- The event log is append-only (issue 14, point 4): no UPDATE, DELETE or TRUNCATE of stored events, whoever asks.
-- The triggers refuse them for every role, the platform's included; only a role that may alter the table (its owner,
-- or a superuser) can switch them off, and doing so is itself visible (pg_trigger.tgenabled) and, with the signed
-- checkpoints to come, detectable. Run the platform as a role that does not own the tables (README, "Database roles")
-- and it cannot rewrite history at all. Snapshots are not the log: Axon replaces them, and they can be rebuilt.

create function refuse_event_log_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the event log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function refuse_event_log_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_log_change();
