-- Every change to how a child took part, kept so the review page can show who changed what.
-- (The audit trail records the same events for administrators; this is the reviewing officer's view.)
create table review_participation_change (
    id                    bigserial primary key,
    review_id             bigint not null references review (id) on delete cascade,
    changed_by            bigint references staff_account (id),
    changed_at            timestamptz not null default now(),
    source                text not null,
    old_pn_code           text,
    new_pn_code           text not null,
    old_advocate          text,
    new_advocate          text not null,
    old_views_reached_by  text[],
    new_views_reached_by  text[] not null,
    constraint participation_change_source_valid check (source in ('ENTRY', 'IMPORT'))
);
create index participation_change_review_idx on review_participation_change (review_id, changed_at);

-- Officers' lists: reviews not yet recorded, by officer and date.
create index review_child_type_date_idx on review (child_id, review_type, review_date);

-- The SSDA903 Reviews file carries no names (CHILD is an identifier): a child created by an import
-- has no first name until someone who knows it adds it.
alter table child alter column first_name drop not null;
