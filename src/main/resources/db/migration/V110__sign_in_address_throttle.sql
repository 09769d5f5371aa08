-- Failed sign-ins per client address (issue 22): password spraying tries one password on many usernames, which
-- the per-username count never sees. The address is kept only as an HMAC, as in link_throttle.
create table sign_in_address_throttle (
    address_key   text primary key,
    failures      integer not null,
    last_failure  timestamptz not null
);
