-- Request budgets shared by every node (ADR 0020): one Bucket4j token bucket per caller, tenant and client address,
-- in the schema of Bucket4j's PostgreSQL proxy manager (select-for-update flavour): a key, the bucket's serialised
-- state, and when the row may go (epoch milliseconds; a bucket whose consumed tokens have all been refilled by
-- then is the same as no bucket, so deleting it changes nothing). Every node deletes expired rows every minute.
create unlogged table rate_limit_bucket (
    -- "<kind>:<permits>/<period>:<who>", e.g. "caller:100/PT1S:alice@<tenant id>"
    id         varchar(512) primary key,
    state      bytea,
    expires_at bigint
-- Each request updates its rows in place: the free half of every page lets PostgreSQL keep the new row version on
-- the same page without touching the primary key (a HOT update). For the same reason expires_at has no index: the
-- minutely delete scans the table, which holds only the keys seen in the last few minutes.
) with (fillfactor = 50);
