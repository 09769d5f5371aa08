-- Parent feedback (parent/): plans, parents' contact details, rounds, links and answers.

-- A child protection or child in need plan. plan_reference is the council's own reference, so a
-- re-import updates the plan rather than adding it twice.
create table parent_plan (
    id             bigserial primary key,
    plan_reference text        not null,
    plan_type      text        not null check (plan_type in ('CP', 'CIN')),
    start_date     date        not null,
    end_date       date,
    created_at     timestamptz not null default now(),
    check (end_date is null or end_date >= start_date)
);
create unique index parent_plan_reference on parent_plan (upper(plan_reference));

-- The children on a plan, by case reference only.
create table parent_plan_child (
    plan_id        bigint not null references parent_plan (id) on delete cascade,
    case_reference text   not null,
    primary key (plan_id, case_reference)
);

-- A parent to ask. Name, email and mobile are erased a set time after the plan ends
-- (myview.parent.contact-retention); the row stays, so answers keep their place in the figures.
create table parent_contact (
    id            bigserial primary key,
    plan_id       bigint      not null references parent_plan (id) on delete cascade,
    greeting_name text,
    email         text,
    mobile        text,
    language      text        not null default 'en',
    erased_at     timestamptz,
    check (erased_at is not null or (greeting_name is not null and (email is not null or mobile is not null))),
    check (erased_at is null or (greeting_name is null and email is null and mobile is null))
);
create index parent_contact_plan on parent_contact (plan_id);

-- A round of feedback. Each repeats 6 months after it started (round_number + 1).
create table parent_round (
    id           bigserial primary key,
    round_number integer     not null unique check (round_number > 0),
    started_on   date        not null,
    started_at   timestamptz not null,
    started_by   bigint references staff_account (id)
);

-- A link sent to a parent: the first ask of a round or a follow-up. Only the token's hash is kept.
-- draft holds answers in progress (the link works until they are sent); the sent answers go to
-- parent_response, which has no contact details.
create table parent_invitation (
    id             bigserial primary key,
    round_id       bigint      not null references parent_round (id),
    plan_id        bigint      not null references parent_plan (id) on delete cascade,
    contact_id     bigint      not null references parent_contact (id) on delete cascade,
    kind           text        not null check (kind in ('FIRST', 'FOLLOW_UP')),
    token_hash     bytea       not null unique,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    draft          jsonb       not null default '{}',
    submitted_at   timestamptz,
    unique (round_id, contact_id, kind)
);
create index parent_invitation_plan on parent_invitation (plan_id);

create table parent_response (
    invitation_id       bigint primary key references parent_invitation (id) on delete cascade,
    round_id            bigint      not null references parent_round (id),
    kind                text        not null check (kind in ('FIRST', 'FOLLOW_UP')),
    plan_type           text        not null,
    understand_why      text check (understand_why in ('YES', 'PARTLY', 'NO')),
    know_what_change    text check (know_what_change in ('YES', 'PARTLY', 'NO')),
    barriers            text[]      not null default '{}',
    barriers_other      text check (length(barriers_other) <= 1000),
    support_rating      integer check (support_rating between 1 and 5),
    understood_concerns text check (understood_concerns in ('YES', 'PARTLY', 'NO')),
    made_difference     text check (made_difference in ('YES', 'PARTLY', 'NO')),
    anything_else       text check (length(anything_else) <= 1000),
    submitted_at        timestamptz not null
);
create index parent_response_round on parent_response (round_id, kind);
