-- Service API keys for machine clients. Only a SHA-256 hash of the secret is kept: the secret is 256
-- random bits, so a fast hash cannot be brute-forced, and the plain key is shown once, at creation.
create table api_key (
    key_id     uuid         primary key,
    tenant_id  uuid         not null,
    name       varchar(100) not null,
    roles      varchar(100) not null,
    key_hash   bytea        not null,
    created_by varchar(255) not null,
    created_at timestamptz  not null,
    revoked_by varchar(255),
    revoked_at timestamptz
);

create index api_key_tenant_idx on api_key (tenant_id, created_at);
