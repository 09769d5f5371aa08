-- "Were you listened to?" (issue 15, item 6; improvement plan action 10). After a review's participation is
-- recorded, the officer can give the child (if they had a My Review My View link) and, for child protection
-- reviews, each parent a short follow-up link. The link row holds the draft and then the sent answers: three
-- optional questions. A child answers once per review (the partial unique index); each parent's link once.
create table listened_link (
    id            bigserial primary key,
    review_id     bigint not null references review (id),
    respondent    text not null check (respondent in ('CHILD', 'PARENT')),
    token_hash    bytea not null unique,
    created_by    bigint references staff_account (id),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    replaced_at   timestamptz,
    listened      text check (listened in ('yes', 'partly', 'no', 'skipped')),
    understood    text check (understood in ('yes', 'partly', 'no', 'skipped')),
    anything_else text check (anything_else is null or length(anything_else) <= 1000),
    sent_at       timestamptz
);
create index listened_link_review_idx on listened_link (review_id);
create unique index listened_one_child_answer on listened_link (review_id) where respondent = 'CHILD' and sent_at is not null;
