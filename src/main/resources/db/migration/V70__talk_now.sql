-- "I want to talk to someone now" as a closed loop (docs/consultation.md, "Talk now"): the child's
-- choices, contacts recorded by staff, and escalation while no one has closed the concern.

alter table staff_role drop constraint staff_role_valid;
alter table staff_role add constraint staff_role_valid
    check (role in ('ADMIN', 'REVIEWING_OFFICER', 'SERVICE_MANAGER', 'PARTICIPATION_LEAD', 'FORUM', 'DUTY'));

-- The child's optional choices. seen_at/seen_by (V11) are no longer what closes a concern: closed_at is,
-- set only when someone records that the child was spoken to or passed on.
alter table consultation_concern
    add column contact_ways        text[]  not null default '{}'
        check (contact_ways <@ array['PHONE', 'TEXT', 'SCHOOL', 'HOME']::text[]),
    add column safe_time           text    check (safe_time in ('ANY', 'MORNING', 'AFTERNOON', 'EVENING')),
    add column not_through_carer   boolean not null default false,
    add column message             text    check (length(message) <= 500),
    add column closed_at           timestamptz,
    add column escalations         integer not null default 0,
    -- When the escalation job next sends it on (null once closed). Claimed with FOR UPDATE SKIP LOCKED.
    add column next_escalation_at  timestamptz;

-- Concerns raised before this migration stay open until someone records an outcome, and escalate.
update consultation_concern set next_escalation_at = raised_at + interval '2 hours';

create index consultation_concern_open on consultation_concern (next_escalation_at) where closed_at is null;

-- Each contact (or try) a member of staff recorded. SPOKE and PASSED_ON close the concern;
-- NOT_REACHED is kept and the concern stays open (and keeps escalating).
create table consultation_concern_contact (
    id            bigserial primary key,
    concern_id    bigint      not null references consultation_concern (id),
    contacted_by  text        not null,
    contacted_at  timestamptz not null,
    how           text        not null check (how in ('PHONE', 'TEXT', 'FACE', 'OTHER')),
    result        text        not null check (result in ('SPOKE', 'NOT_REACHED', 'PASSED_ON')),
    note          text        not null check (length(note) between 1 and 2000),
    recorded_by   bigint      not null references staff_account (id),
    recorded_at   timestamptz not null
);
create index consultation_concern_contact_concern on consultation_concern_contact (concern_id);

-- Each time an open concern was sent on: to whom (kinds, not addresses) and why.
create table consultation_concern_escalation (
    id            bigserial primary key,
    concern_id    bigint      not null references consultation_concern (id),
    number        integer     not null,
    escalated_at  timestamptz not null,
    out_of_hours  boolean     not null,
    unique (concern_id, number)
);
