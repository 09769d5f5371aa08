-- A realistic data set for the benchmark: about 1,000,000 reviews over ten financial years
-- (April 2016 to March 2026), 250,000 children, 40 reviewing officers, every review recorded with
-- a PN code that fits the child's age. Run by src/bench/run.sh with psql against the service's own
-- schema (the service has migrated it). Triggers are off while loading (replica mode) and the
-- monthly roll-up is rebuilt afterwards with the same statement as migration V5, so the figures are
-- exactly what the triggers would have kept; likewise the My Review My View roll-up
-- (mrmv_rebuild(), V184) after the links, sent forms and views received.
\set ON_ERROR_STOP on
\timing on
begin;
set local session_replication_role = replica;

insert into staff_account (username, display_name)
select 'bench.iro.' || g, 'Bench officer ' || g from generate_series(1, 40) g
on conflict do nothing;

insert into child (case_reference, first_name, date_of_birth)
select 'BN' || lpad(g::text, 7, '0'), null,
       -- born between 1998 and 2025, spread evenly
       date '1998-06-01' + ((g::bigint * 7919) % 10000)::int
from generate_series(1, 250000) g
on conflict do nothing;

create temporary table bench_review on commit drop as
select c.id as child_id,
       case when g % 20 < 12 then 'CLA' when g % 20 < 14 then 'CP_INITIAL' when g % 20 < 19 then 'CP_REVIEW' else 'CIN' end as review_type,
       date '2016-04-01' + ((g::bigint * 104729) % 3652)::int as review_date,
       (select min(id) from staff_account where username like 'bench.iro.%') + (g % 40) as officer_id,
       g
from generate_series(1, 1530000) g
join child c on c.case_reference = 'BN' || lpad(((g % 250000) + 1)::text, 7, '0');

insert into review (child_id, review_type, review_date, reviewing_officer_id)
select child_id, review_type, review_date, officer_id
from bench_review b join child c on c.id = b.child_id
where b.review_date > c.date_of_birth and b.review_date < c.date_of_birth + interval '18 years'
on conflict do nothing;

insert into review_participation (review_id, pn_code, advocate, views_reached_by)
select r.id,
       case when child_age(c.date_of_birth, r.review_date) < 4 then 'PN0'
            else (array['PN1','PN1','PN1','PN1','PN2','PN2','PN3','PN3','PN4','PN5','PN5','PN6','PN6','PN6','PN7'])[1 + (r.id % 15)] end,
       case when r.id % 10 = 0 then 'NYAS' when r.id % 25 = 0 then 'OTHER' else 'NONE' end,
       '{}'
from review r join child c on c.id = r.child_id
where c.case_reference like 'BN%'
on conflict do nothing;

delete from participation_monthly;
insert into participation_monthly (month, review_type, age, pn_code, advocate, reviews)
select date_trunc('month', r.review_date)::date, r.review_type, child_age(c.date_of_birth, r.review_date), p.pn_code, p.advocate, count(*)
from review r join child c on c.id = r.child_id join review_participation p on p.review_id = r.id
group by 1, 2, 3, 4, 5;
-- The children's side, so the dashboard's My Review My View section has figures: a link for 60% of reviews
-- (mostly a fortnight before the review, some after it), the form sent on half of those, and views received
-- another way (a paper booklet, with a worker) for a twentieth of the reviews without a link.
insert into consultation_link (review_id, token_hash, created_at, expires_at)
select r.id, decode(md5('bench-link-' || r.id), 'hex'),
       (r.review_date - case when r.id % 7 = 0 then -2 else 14 end)::timestamp at time zone 'Europe/London',
       (r.review_date + 30)::timestamp at time zone 'Europe/London'
from review r join child c on c.id = r.child_id
where c.case_reference like 'BN%' and r.id % 10 < 6;

insert into consultation (link_id, review_id, definition_id, started_at, sent_at)
select l.id, l.review_id, 'bench', l.created_at, l.created_at + interval '3 days'
from consultation_link l where l.token_hash = decode(md5('bench-link-' || l.review_id), 'hex') and l.review_id % 2 = 0;

insert into views_received (review_id, channel, received_on, recorded_by)
select r.id, case when r.id % 2 = 0 then 'PAPER_BOOKLET' else 'WITH_WORKER' end, r.review_date - 1,
       (select min(id) from staff_account where username like 'bench.iro.%')
from review r join child c on c.id = r.child_id
where c.case_reference like 'BN%' and r.id % 10 >= 6 and r.id % 20 = 19
on conflict do nothing;

-- The My Review My View roll-up, as migration V184 builds it (its triggers were off while loading).
select mrmv_rebuild();
commit;
analyze;
select (select count(*) from review) as reviews, (select count(*) from child) as children,
       (select count(*) from participation_monthly) as rollup_rows,
       (select count(*) from consultation_link) as links, (select count(*) from mrmv_monthly) as mrmv_rows;
