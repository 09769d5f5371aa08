-- Reach Out! (the children's forum): children's words waiting for, or past, the participation lead's check,
-- and "You said, we did". Nothing here names a child, a review, an officer or a date a child did something.

-- One written answer of a child who said yes to sharing with Reach Out!. It arrives PENDING (from the
-- consultation feature's ConsultationSent event, in the same transaction as the form); the participation lead
-- approves it (perhaps edited) or rejects it. Once decided, the child's original words are removed from this
-- table: the forum's copy is the checked text only, and a rejected answer keeps no text at all.
create table forum_quote (
    id               bigserial primary key,
    -- Only to keep the listener idempotent; never shown to the forum.
    consultation_id  bigint not null,
    question_id      text   not null,
    question         text   not null,
    original_text    text,
    published_text   text,
    status           text   not null default 'PENDING',
    received_at      timestamptz not null default now(),
    moderated_by     bigint references staff_account (id),
    moderated_at     timestamptz,
    constraint forum_quote_status_valid check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint forum_quote_once unique (consultation_id, question_id),
    constraint forum_quote_pending_has_words check (status <> 'PENDING' or original_text is not null),
    constraint forum_quote_approved_has_text check (status <> 'APPROVED' or (published_text is not null and original_text is null)),
    constraint forum_quote_rejected_has_none check (status <> 'REJECTED' or (published_text is null and original_text is null))
);
create index forum_quote_status_idx on forum_quote (status, id);

-- "You said, we did": what the forum asked for and what the trust did about it.
create table forum_action (
    id          bigserial primary key,
    asked       text not null,
    asked_on    date not null,
    response    text,
    status      text not null default 'NOT_STARTED',
    updated_on  date,
    updated_by  bigint references staff_account (id),
    updated_at  timestamptz not null default now(),
    constraint forum_action_status_valid check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_POSSIBLE'))
);
