-- Staff sign-in, roles, set-password links, sign-in throttling and the audit trail.

alter table staff_account
    add column email           text,
    add column password_hash   text,
    add column disabled        boolean not null default false,
    -- Bumped on sign-out, password change and disabling: every session cookie issued before is void.
    add column session_epoch   integer not null default 0,
    add column last_sign_in_at timestamptz;

create table staff_role (
    account_id bigint not null references staff_account (id),
    role       text   not null,
    primary key (account_id, role),
    constraint staff_role_valid check (role in ('ADMIN', 'REVIEWING_OFFICER', 'SERVICE_MANAGER', 'PARTICIPATION_LEAD', 'FORUM'))
);

-- Failed sign-ins per username as typed (existing or not), so throttling and locking look the same
-- whether or not the account exists.
create table sign_in_throttle (
    username_key  text primary key,
    failures      integer not null default 0,
    last_failure  timestamptz,
    locked_until  timestamptz
);

-- One-time set-password links: only a SHA-256 hash of the 128-bit token is kept.
create table set_password_link (
    id          bigserial primary key,
    account_id  bigint not null references staff_account (id),
    token_hash  bytea not null unique,
    created_by  bigint references staff_account (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

-- Secrets shared by every instance (the session signing key), created once on first start.
create table service_secret (
    name        text primary key,
    secret      bytea not null,
    created_at  timestamptz not null default now()
);

-- The audit trail: who did what, when, to which ids. Never names or answers. Append-only.
create table audit_event (
    id              bigserial primary key,
    occurred_at     timestamptz not null default now(),
    actor_id        bigint,
    actor_username  text,
    action          text not null,
    child_id        bigint,
    review_id       bigint,
    subject_type    text,
    subject_id      text,
    detail          jsonb not null default '{}'::jsonb
);
create index audit_event_occurred_idx on audit_event (occurred_at);
create index audit_event_actor_idx on audit_event (actor_id, occurred_at);
create index audit_event_child_idx on audit_event (child_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
