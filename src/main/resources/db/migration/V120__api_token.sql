-- Personal API tokens (issue 22, item 2): a script or BI tool calls /api/** with "Authorization: Bearer <token>"
-- instead of a password, so no Argon2id check runs per request. The token is shown once and only its SHA-256
-- hash is kept (a token has 256 random bits: a fast hash is enough, a slow one would defeat the purpose).
create table api_token (
    id            bigserial primary key,
    account_id    bigint not null references staff_account (id),
    name          text not null,
    scope         text not null,
    token_hash    bytea not null,
    created_at    timestamptz not null,
    created_by    bigint references staff_account (id),
    expires_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    bigint references staff_account (id),
    constraint api_token_name_length check (char_length(name) between 1 and 100),
    constraint api_token_scope check (scope in ('FIGURES', 'IMPORT')),
    constraint api_token_hash_length check (octet_length(token_hash) = 32),
    -- At most a year (and a day for the clock's sake): the service refuses longer at entry too.
    constraint api_token_expiry check (expires_at > created_at and expires_at <= created_at + interval '367 days')
);
create unique index api_token_hash_key on api_token (token_hash);
create index api_token_account_idx on api_token (account_id, created_at);
