-- "Read before the review" (issue 15, item 3): the first time the child's own reviewing officer opened the
-- answers of a sent form on the review page. One row per form, written once (later reads change nothing):
-- the figure is whether the officer had read the child's words by the review date, not how often.
-- Only the child's own officer counts: a manager or another officer looking does not mean the person
-- who chairs the review has read them.
create table consultation_first_read (
    consultation_id bigint primary key references consultation (id) on delete cascade,
    read_by bigint not null references staff_account (id),
    read_at timestamptz not null
);

-- The review lists filter "sent but not read yet": the view gains the first read of the review's sent forms
-- (a column added at the end, as create or replace view allows).
create or replace view consultation_review_status as
select r.id as review_id,
       l.id as link_id,
       l.created_at as link_created_at,
       d.channels as link_channels,
       d.first_queued_at as link_sent_at,
       cl.claimed_at as opened_at,
       f.definition_id,
       coalesce(a.answered, 0) as answered,
       s.sent_at,
       coalesce(oc.open_concerns, 0) as open_concerns,
       case when s.sent_at is not null then 'SENT'
            when coalesce(a.answered, 0) > 0 then 'STARTED'
            when cl.claimed_at is not null then 'OPENED'
            when l.id is not null then 'LINK'
            else 'NO_LINK' end as state,
       fr.first_read_at
from review r
left join lateral (select k.id, k.created_at from consultation_link k where k.review_id = r.id
                   order by k.created_at desc, k.id desc limit 1) l on true
left join lateral (select string_agg(distinct o.channel, ',' order by o.channel) as channels, min(o.created_at) as first_queued_at
                   from notification_outbox o where o.subject_type = 'consultation_link' and o.subject_id = l.id) d on true
left join link_claim cl on cl.kind = 'consultation' and cl.link_id = l.id
left join consultation f on f.link_id = l.id
left join lateral (select count(*) as answered from consultation_answer x
                   where x.consultation_id = f.id and x.definition_id = f.definition_id) a on true
left join lateral (select min(c.sent_at) as sent_at from consultation c where c.review_id = r.id and c.sent_at is not null) s on true
left join lateral (select count(*) as open_concerns from consultation_concern k
                   where k.review_id = r.id and k.closed_at is null) oc on true
left join lateral (select min(x.read_at) as first_read_at from consultation_first_read x
                   join consultation c on c.id = x.consultation_id where c.review_id = r.id) fr on true;
