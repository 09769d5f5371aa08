-- Retention of a child's words (docs/runbook.md, "Retention"). The rows stay, so the figures (forms sent,
-- concerns raised and closed, how fast) keep counting them; what the child wrote or chose goes.

-- When the form's answers were erased (consultation_answer rows deleted): after the review's record was
-- kept (myview.consultation.answer-retention-days after the review), or at once for a form never sent
-- whose link stopped working.
alter table consultation add column answers_erased_at timestamptz;

-- When the child's choices and message were erased, myview.talk-now.retention-days after the concern closed.
alter table consultation_concern add column erased_at timestamptz;
alter table consultation_concern add constraint consultation_concern_erased_is_empty
    check (erased_at is null or (message is null and safe_time is null and contact_ways = '{}' and not not_through_carer));
alter table consultation_concern add constraint consultation_concern_erased_after_closing
    check (erased_at is null or closed_at is not null);

-- The staff's notes and who they spoke to go with the child's words; how, when and the result stay.
alter table consultation_concern_contact alter column note drop not null;
alter table consultation_concern_contact alter column contacted_by drop not null;

create index consultation_concern_closed on consultation_concern (closed_at) where erased_at is null and closed_at is not null;
create index consultation_unerased on consultation (review_id) where answers_erased_at is null;
