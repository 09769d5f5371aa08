-- Case-system extracts (extract/, docs/extracts.md): what a trust's LCS or Mosaic report adds to a child and a review.

-- The language the case system records the child prefers (ISO 639 code, as parent_contact.language); null: not recorded.
alter table child add column preferred_language text;
alter table child add constraint child_preferred_language_format check (preferred_language ~ '^[a-z]{2,3}$');

-- The case system's own id of a review, so a review that moves in the case system moves here instead of being added
-- twice. Unique per child (two systems may number reviews per child); null for reviews entered or from the SSDA903 file.
alter table review add column external_id text;
alter table review add constraint review_external_id_format check (external_id ~ '^[A-Za-z0-9/_.:-]{1,40}$');
create unique index review_child_external_id on review (child_id, external_id) where external_id is not null;

-- A review the case system moved (date or type): the old and new values, who imported it and when.
create table review_date_change (
    id          bigserial primary key,
    review_id   bigint not null references review (id) on delete cascade,
    changed_by  bigint references staff_account (id),
    changed_at  timestamptz not null default now(),
    source      text not null check (source in ('EXTRACT')),
    old_date    date not null,
    new_date    date not null,
    old_type    text not null,
    new_type    text not null
);
create index review_date_change_review on review_date_change (review_id, changed_at);

-- Extract files picked up from myview.extract.folder: each file (name and content) imported once by whichever instance
-- claims it first (insert ... on conflict do nothing); a claim not finished in 30 minutes (an instance stopped midway)
-- may be taken over.
create table extract_file (
    id           bigserial primary key,
    file_name    text not null,
    sha256       text not null,
    claimed_at   timestamptz not null,
    finished_at  timestamptz,
    imported     boolean,
    constraint extract_file_once unique (file_name, sha256)
);
