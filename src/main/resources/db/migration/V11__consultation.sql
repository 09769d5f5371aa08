-- My Review My View: a link per review for the child, the form as the child fills it in, and concerns.

-- The token is never stored, only its SHA-256. A newer link for the same review replaces older ones.
create table consultation_link (
    id           bigserial primary key,
    review_id    bigint not null references review (id),
    token_hash   bytea not null unique,
    created_by   bigint references staff_account (id),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    replaced_at  timestamptz
);
create index consultation_link_review on consultation_link (review_id);

-- One form per link (the unique link_id is what makes sending idempotent); sent when sent_at is set.
create table consultation (
    id                bigserial primary key,
    link_id           bigint not null unique references consultation_link (id),
    review_id         bigint not null references review (id),
    definition_id     text not null,
    started_at        timestamptz not null default now(),
    sent_at           timestamptz,
    share_with_forum  boolean not null default false
);
create index consultation_review on consultation (review_id);

-- Each answer with the question id and the definition version it answered; answer null when the
-- child chose "I'd rather not say".
create table consultation_answer (
    consultation_id     bigint not null references consultation (id),
    definition_id       text not null,
    definition_version  integer not null,
    question_id         text not null,
    answer              text,
    declined            boolean not null default false,
    answered_at         timestamptz not null default now(),
    primary key (consultation_id, definition_id, question_id),
    check (declined = (answer is null))
);

-- "I want to talk to someone now": shown to the reviewing officer at once.
create table consultation_concern (
    id         bigserial primary key,
    review_id  bigint not null references review (id),
    link_id    bigint not null references consultation_link (id),
    raised_at  timestamptz not null default now(),
    seen_at    timestamptz,
    seen_by    bigint references staff_account (id)
);
create index consultation_concern_review on consultation_concern (review_id);
