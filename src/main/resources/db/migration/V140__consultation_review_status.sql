-- Where each review's My Review My View stands, for the officers' review lists (issue 15, item 1):
-- a read model that consultation/ owns and review/ joins (docs/architecture.md, "Shared read models"),
-- so each list is one query that can filter and sort by it. Nothing new is recorded: the latest link
-- (a newer one replaces older ones), how it went out (the outbox rows queued for it: SMS, EMAIL; none
-- means it was shown on screen to copy or as a QR code), when it was first opened (link_claim), how many
-- questions of the form's current version are answered, when a form was sent, and open talk-now concerns.
create view consultation_review_status as
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
            else 'NO_LINK' end as state
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
                   where k.review_id = r.id and k.closed_at is null) oc on true;
