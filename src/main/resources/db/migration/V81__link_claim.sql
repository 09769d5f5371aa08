-- A form belongs to the device that first opened its link, not to whoever holds the link.
-- One row per opened link: the holder's form-session id (hashed), and the child's or parent's own
-- secret code (an HMAC with a service key, never the code) for carrying on on another device, with
-- the wrong tries counted per link (the code stops working after too many).
create table link_claim (
    kind           text not null,
    link_id        bigint not null,
    session_hash   text not null,
    code_hash      text,
    code_failures  integer not null default 0,
    claimed_at     timestamptz not null default now(),
    primary key (kind, link_id)
);
