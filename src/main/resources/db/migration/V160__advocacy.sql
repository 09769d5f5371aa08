-- Advocacy referrals (issue 15, item 5; improvement plan action 8: NYAS's target is 25 referrals a quarter).
-- A referral is raised when a child sends their form saying yes to an advocate and yes to passing it on
-- (one per sent form); staff record where it was referred (NYAS or another service) and when, whether the
-- service accepted or declined it, and when it closed. Each change is audited (advocacy/AdvocacyService).
create table advocacy_referral (
    id              bigserial primary key,
    review_id       bigint not null references review (id),
    consultation_id bigint not null unique references consultation (id),
    requested_at    timestamptz not null,
    service         text check (service in ('NYAS', 'OTHER')),
    other_service   text check (other_service is null or length(other_service) <= 100),
    referred_on     date,
    outcome         text check (outcome in ('ACCEPTED', 'DECLINED')),
    outcome_on      date,
    closed_on       date,
    updated_by      bigint references staff_account (id),
    updated_at      timestamptz,
    -- a referral made names its service and date together; an outcome needs a referral and comes after it
    check ((service is null) = (referred_on is null)),
    check ((service = 'OTHER') = (other_service is not null)),
    check ((outcome is null) = (outcome_on is null)),
    check (outcome is null or (referred_on is not null and outcome_on >= referred_on))
);
create index advocacy_referral_review_idx on advocacy_referral (review_id);
create index advocacy_referral_referred_idx on advocacy_referral (referred_on) where referred_on is not null;

-- What the participation lead enters each month from the advocacy service's own report: issue-based
-- advocacy cases and rights sessions (seed 004's "NYAS Dashboard"). One row per month, corrected in place.
create table advocacy_month (
    month           date primary key check (extract(day from month) = 1),
    issue_based     integer not null check (issue_based between 0 and 10000),
    rights_sessions integer not null check (rights_sessions between 0 and 10000),
    entered_by      bigint references staff_account (id),
    entered_at      timestamptz not null
);
