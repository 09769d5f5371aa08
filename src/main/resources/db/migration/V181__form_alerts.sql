-- Form alerts (issue 15, item 2; formalerts/, docs/form-alerts.md). When a child sends their My Review My View
-- form, the review's reviewing officer is told: at once (one email per form), in a daily digest, or not at all,
-- as they chose. No row: an email each time.
create table form_alert_preference (
    staff_account_id bigint primary key references staff_account (id),
    choice           text not null check (choice in ('EACH', 'DAILY', 'NONE')),
    updated_at       timestamptz not null
);

-- One row per sent form (the primary key makes telling twice impossible): who was told and how. A DAILY row
-- waits (digest_sent_at null) until the digest job lists it. Nothing about the child but the review's id.
create table form_alert (
    consultation_id bigint primary key references consultation (id),
    review_id       bigint not null references review (id),
    officer_id      bigint references staff_account (id),
    arrived_at      timestamptz not null,
    choice          text not null check (choice in ('EACH', 'DAILY', 'NONE')),
    digest_sent_at  timestamptz
);
create index form_alert_digest_due on form_alert (officer_id, arrived_at) where choice = 'DAILY' and digest_sent_at is null;

-- One digest per officer per London day, whichever instance sends it.
create table form_alert_digest (
    officer_id bigint not null references staff_account (id),
    digest_day date   not null,
    sent_at    timestamptz not null,
    forms      integer not null,
    primary key (officer_id, digest_day)
);
