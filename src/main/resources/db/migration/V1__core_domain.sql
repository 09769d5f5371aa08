-- Core domain: children, their reviews and how each child took part in each review.
-- Later features (staff sign-in, consultation forms, parent feedback, dashboards) add tables
-- and columns in their own migrations; they never rewrite these.

-- Staff who chair reviews. Sign-in details are added by the staff-accounts migration.
create table staff_account (
    id            bigserial primary key,
    username      text not null,
    display_name  text not null,
    created_at    timestamptz not null default now(),
    constraint staff_account_username_format check (username ~ '^[a-z0-9._-]{2,64}$')
);
create unique index staff_account_username_key on staff_account (lower(username));

create table child (
    id              bigserial primary key,
    -- The authority's case reference (SSDA903 CHILD): an identifier, never a name.
    case_reference  text not null,
    first_name      text not null,
    date_of_birth   date not null,
    created_at      timestamptz not null default now(),
    constraint child_case_reference_format check (case_reference ~ '^[A-Za-z0-9/_-]{1,20}$'),
    constraint child_first_name_length check (char_length(first_name) between 1 and 100)
);
create unique index child_case_reference_key on child (upper(case_reference));

create table review (
    id                    bigserial primary key,
    child_id              bigint not null references child (id),
    review_type           text not null,
    review_date           date not null,
    reviewing_officer_id  bigint references staff_account (id),
    created_at            timestamptz not null default now(),
    constraint review_type_valid check (review_type in ('CLA', 'CP_INITIAL', 'CP_REVIEW', 'CIN')),
    -- A review is the same review when child, type and date are the same (SSDA903 import relies on it).
    constraint review_identity unique (child_id, review_type, review_date)
);
create index review_officer_date_idx on review (reviewing_officer_id, review_date);
create index review_date_idx on review (review_date);

-- How the child took part: one row per review, at most.
create table review_participation (
    review_id         bigint primary key references review (id) on delete cascade,
    pn_code           text not null,
    advocate          text not null default 'NONE',
    views_reached_by  text[] not null default '{}',
    recorded_by       bigint references staff_account (id),
    recorded_at       timestamptz not null default now(),
    updated_by        bigint references staff_account (id),
    updated_at        timestamptz not null default now(),
    constraint participation_pn_code_valid check (pn_code in ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')),
    constraint participation_advocate_valid check (advocate in ('NONE', 'NYAS', 'OTHER')),
    constraint participation_views_reached_by_valid check (
        views_reached_by <@ array['SPOKE', 'ADVOCATE', 'CONSULTATION_FORM', 'OTHER_MEDIUM']::text[])
);
