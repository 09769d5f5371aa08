-- The notification outbox (notify/): a message to a parent is a row written in the same transaction as
-- the business change that causes it (a round started, a follow-up due). A scheduled sender delivers it
-- through GOV.UK Notify. States:
--   PENDING   waiting for its next attempt (next_attempt_at)
--   SENDING   claimed by one sender until claimed_until (a lease); an expired lease means that sender
--             died: the row is claimed again and the next sender first asks Notify by `reference`
--             whether the message already went, so a crash between send and record never sends twice
--   SENT      Notify accepted it (notify_id); recipient and personalisation are erased
--   RECORDED  no Notify API key is configured: not sent, kept so staff can see what would have gone
--   FAILED    Notify refused it for good, or it ran out of attempts
create table notification_outbox (
    id               bigserial primary key,
    reference        uuid        not null unique,
    channel          text        not null check (channel in ('EMAIL', 'SMS')),
    recipient        text,
    template_key     text        not null,
    personalisation  jsonb       not null default '{}',
    state            text        not null default 'PENDING'
                     check (state in ('PENDING', 'SENDING', 'SENT', 'RECORDED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    claim            uuid,
    claimed_until    timestamptz,
    notify_id        text,
    last_error       text,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    subject_type     text,
    subject_id       bigint,
    check (state <> 'SENDING' or (claim is not null and claimed_until is not null)),
    check (state <> 'SENT' or notify_id is not null)
);

create index notification_outbox_due on notification_outbox (next_attempt_at) where state in ('PENDING', 'SENDING');
create index notification_outbox_subject on notification_outbox (subject_type, subject_id);
