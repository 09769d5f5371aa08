-- A child's views that reached their review another way than the online My Review My View form
-- (issue 15, item 4): a paper booklet, completed with a worker, another app, a letter or a drawing, and the
-- date they were received. At most one per review: a child's views for a review are counted once, whichever
-- way they came (and the online form wins when there is one too: docs/consultation.md, "Views that came
-- another way"). A wrong record is deleted, not marked: nothing else refers to it, and the audit trail keeps
-- who recorded and who removed it, and when (received/ViewsReceivedService).
create table views_received (
    id          bigserial primary key,
    review_id   bigint not null unique references review (id),
    channel     text not null check (channel in ('PAPER_BOOKLET', 'WITH_WORKER', 'OTHER_APP', 'LETTER_OR_DRAWING')),
    received_on date not null,
    recorded_by bigint not null references staff_account (id),
    recorded_at timestamptz not null default now()
);
