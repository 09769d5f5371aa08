-- Wrong secret-link tries per client address (kept as an HMAC, not the address), shared by every instance.
create table link_throttle (
    address_key   text primary key,
    failures      integer not null,
    last_failure  timestamptz not null
);
