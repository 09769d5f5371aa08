-- The participation roll-up (V5) was kept by row-level triggers on review_participation: an SSDA903 import of
-- 100,000 codes ran the trigger function 100,000 times, one upsert each (issue 20). These statement-level triggers
-- do the same arithmetic once per statement: the rows a statement inserted count +1 and the rows it deleted -1 in
-- their (month, type, age, code, advocate) group, an update both (an unchanged row cancels out), and only the net
-- change of each group is written. As before, a row whose review is already gone (deleted by cascade, after
-- participation_rollup_review_deleted counted it out) is not counted. RollupConsistencyTest checks it.

create function participation_rollup_apply(p_month date[], p_type text[], p_age integer[], p_code text[],
                                           p_advocate text[], p_delta integer[]) returns void language plpgsql as $$
begin
    if p_delta is null or cardinality(p_delta) = 0 then
        return;
    end if;
    -- In key order: two writers meeting on the same groups lock them in one order.
    insert into participation_monthly (month, review_type, age, pn_code, advocate, reviews)
    select month, review_type, age, pn_code, advocate, delta
    from unnest(p_month, p_type, p_age, p_code, p_advocate, p_delta) x(month, review_type, age, pn_code, advocate, delta)
    where delta > 0 order by 1, 2, 3, 4, 5
    on conflict (month, review_type, age, pn_code, advocate)
        do update set reviews = participation_monthly.reviews + excluded.reviews;
    -- (An upsert would check the negative row against the constraint before finding the existing one.)
    update participation_monthly m set reviews = m.reviews + x.delta
    from unnest(p_month, p_type, p_age, p_code, p_advocate, p_delta) x(month, review_type, age, pn_code, advocate, delta)
    where x.delta < 0 and m.month = x.month and m.review_type = x.review_type and m.age = x.age
      and m.pn_code = x.pn_code and m.advocate = x.advocate;
    delete from participation_monthly m
    using unnest(p_month, p_type, p_age, p_code, p_advocate, p_delta) x(month, review_type, age, pn_code, advocate, delta)
    where x.delta < 0 and m.month = x.month and m.review_type = x.review_type and m.age = x.age
      and m.pn_code = x.pn_code and m.advocate = x.advocate and m.reviews = 0;
end;
$$;

create function participation_rollup_on_participation_rows() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform participation_rollup_apply(array_agg(g.month), array_agg(g.review_type), array_agg(g.age), array_agg(g.pn_code),
                                           array_agg(g.advocate), array_agg(g.delta))
        from (select date_trunc('month', r.review_date)::date as month, r.review_type,
                child_age(c.date_of_birth, r.review_date) as age, n.pn_code, n.advocate, count(*)::integer as delta
              from new_rows n join review r on r.id = n.review_id join child c on c.id = r.child_id
              group by 1, 2, 3, 4, 5) g;
    elsif tg_op = 'DELETE' then
        perform participation_rollup_apply(array_agg(g.month), array_agg(g.review_type), array_agg(g.age), array_agg(g.pn_code),
                                           array_agg(g.advocate), array_agg(g.delta))
        from (select date_trunc('month', r.review_date)::date as month, r.review_type,
                child_age(c.date_of_birth, r.review_date) as age, o.pn_code, o.advocate, -count(*)::integer as delta
              from old_rows o join review r on r.id = o.review_id join child c on c.id = r.child_id
              group by 1, 2, 3, 4, 5) g;
    else
        perform participation_rollup_apply(array_agg(g.month), array_agg(g.review_type), array_agg(g.age), array_agg(g.pn_code),
                                           array_agg(g.advocate), array_agg(g.delta))
        from (select date_trunc('month', r.review_date)::date as month, r.review_type,
                child_age(c.date_of_birth, r.review_date) as age, x.pn_code, x.advocate, sum(x.d)::integer as delta
              from (select review_id, pn_code, advocate, 1 as d from new_rows
                    union all select review_id, pn_code, advocate, -1 from old_rows) x
              join review r on r.id = x.review_id join child c on c.id = r.child_id
              group by 1, 2, 3, 4, 5 having sum(x.d) <> 0) g;
    end if;
    return null;
end;
$$;

drop trigger participation_rollup_after_insert on review_participation;
drop trigger participation_rollup_after_delete on review_participation;
drop trigger participation_rollup_after_update on review_participation;
drop function participation_rollup_on_participation();

create trigger participation_rollup_inserted after insert on review_participation referencing new table as new_rows
    for each statement execute function participation_rollup_on_participation_rows();
create trigger participation_rollup_deleted after delete on review_participation referencing old table as old_rows
    for each statement execute function participation_rollup_on_participation_rows();
create trigger participation_rollup_updated after update on review_participation
    referencing old table as old_rows new table as new_rows
    for each statement execute function participation_rollup_on_participation_rows();

-- mrmv_refresh (V184) unchanged but for one word: "base as materialized". Left to the planner, base was folded into
-- fresh, and each use of its channel and first_read ran their subqueries again (nine index probes a review instead of
-- five); an import of 100,000 new reviews paid for that in its one refresh.
create or replace function mrmv_refresh(p_children bigint[]) returns void language plpgsql as $$
begin
    if p_children is null or cardinality(p_children) = 0 then
        return;
    end if;
    -- Two transactions refreshing the same child would both diff against the same stored state: take the
    -- children in id order, one transaction at a time (no key update: foreign key checks are not blocked).
    perform 1 from child where id = any(p_children) order by id for no key update;
    with kids as (
        select distinct k as child_id from unnest(p_children) k
    ), base as materialized (
        select r.id as review_id, r.child_id, r.reviewing_officer_id as officer_id, r.review_type, r.review_date,
          date_trunc('month', r.review_date)::date as month,
          (select min(fr.read_at) from consultation s join consultation_first_read fr on fr.consultation_id = s.id
           where s.review_id = r.id and s.sent_at is not null) as first_read,
          child_age(c.date_of_birth, r.review_date) as age,
          coalesce((select min(l.created_at) from consultation_link l where l.review_id = r.id)
                   < (r.review_date + 1)::timestamp at time zone 'Europe/London', false) as form_sent,
          case when (select min(s.sent_at) from consultation s where s.review_id = r.id and s.sent_at is not null)
                    < (r.review_date + 1)::timestamp at time zone 'Europe/London' then 'ONLINE_FORM'
               when v.received_on <= r.review_date then v.channel else '' end as channel
        from kids k join review r on r.child_id = k.child_id join child c on c.id = r.child_id
          left join views_received v on v.review_id = r.id
    ), fresh as (
        select b.review_id, b.child_id, b.officer_id, b.review_date, b.month, b.review_type, b.age, b.form_sent, b.channel,
          b.channel <> '' and not exists (select 1 from review e where e.child_id = b.child_id
            and e.review_type = b.review_type and e.review_date < b.review_date) as first_of_type,
          b.channel = 'ONLINE_FORM' and coalesce(b.first_read < (b.review_date + 1)::timestamp at time zone 'Europe/London', false) as form_read,
          b.channel = 'ONLINE_FORM' and b.first_read is null as unread
        from base b
    ), old as (
        select m.* from mrmv_review m join kids k on k.child_id = m.child_id
    ), diff as (
        select month, review_type, age, form_sent, channel, first_of_type, sum(d)::integer as d from (
            select o.month, o.review_type, o.age, o.form_sent, o.channel, o.first_of_type, -1 as d
            from old o left join fresh f on f.review_id = o.review_id
            where f.review_id is null or (f.month, f.review_type, f.age, f.form_sent, f.channel, f.first_of_type)
                  is distinct from (o.month, o.review_type, o.age, o.form_sent, o.channel, o.first_of_type)
            union all
            select f.month, f.review_type, f.age, f.form_sent, f.channel, f.first_of_type, 1
            from fresh f left join old o on o.review_id = f.review_id
            where o.review_id is null or (f.month, f.review_type, f.age, f.form_sent, f.channel, f.first_of_type)
                  is distinct from (o.month, o.review_type, o.age, o.form_sent, o.channel, o.first_of_type)
        ) x group by 1, 2, 3, 4, 5, 6 having sum(d) <> 0
    ), read_diff as (
        select month, review_type, age, officer_id, sum(d)::integer as d_sent, sum(d * form_read::int)::integer as d_read from (
            select o.month, o.review_type, o.age, coalesce(o.officer_id, 0) as officer_id, o.form_read, -1 as d
            from old o left join fresh f on f.review_id = o.review_id
            where o.channel = 'ONLINE_FORM' and (f.review_id is null
                  or (f.month, f.review_type, f.age, f.officer_id, f.channel, f.form_read)
                     is distinct from (o.month, o.review_type, o.age, o.officer_id, o.channel, o.form_read))
            union all
            select f.month, f.review_type, f.age, coalesce(f.officer_id, 0), f.form_read, 1
            from fresh f left join old o on o.review_id = f.review_id
            where f.channel = 'ONLINE_FORM' and (o.review_id is null
                  or (f.month, f.review_type, f.age, f.officer_id, f.channel, f.form_read)
                     is distinct from (o.month, o.review_type, o.age, o.officer_id, o.channel, o.form_read))
        ) x group by 1, 2, 3, 4 having sum(d) <> 0 or sum(d * form_read::int) <> 0
    ), read_counted as (
        insert into forms_read_monthly (month, review_type, age, officer_id, sent, read)
        select month, review_type, age, officer_id, d_sent, d_read from read_diff order by 1, 2, 3, 4
        on conflict (month, review_type, age, officer_id)
            do update set sent = forms_read_monthly.sent + excluded.sent, read = forms_read_monthly.read + excluded.read
    ), gone as (
        delete from mrmv_review m using old o
        where m.review_id = o.review_id and not exists (select 1 from fresh f where f.review_id = o.review_id)
    ), kept as (
        insert into mrmv_review (review_id, child_id, officer_id, review_date, month, review_type, age, form_sent, channel,
                                 first_of_type, form_read, unread)
        select f.review_id, f.child_id, f.officer_id, f.review_date, f.month, f.review_type, f.age, f.form_sent, f.channel,
          f.first_of_type, f.form_read, f.unread from fresh f
        on conflict (review_id) do update set child_id = excluded.child_id, officer_id = excluded.officer_id,
          review_date = excluded.review_date, month = excluded.month,
          review_type = excluded.review_type, age = excluded.age, form_sent = excluded.form_sent,
          channel = excluded.channel, first_of_type = excluded.first_of_type, form_read = excluded.form_read,
          unread = excluded.unread
        where (mrmv_review.child_id, mrmv_review.officer_id, mrmv_review.review_date, mrmv_review.month, mrmv_review.review_type,
               mrmv_review.age, mrmv_review.form_sent, mrmv_review.channel, mrmv_review.first_of_type, mrmv_review.form_read,
               mrmv_review.unread) is distinct from
              (excluded.child_id, excluded.officer_id, excluded.review_date, excluded.month, excluded.review_type,
               excluded.age, excluded.form_sent, excluded.channel, excluded.first_of_type, excluded.form_read, excluded.unread)
    )
    insert into mrmv_monthly (month, review_type, age, form_sent, channel, first_of_type, held)
    -- In key order: two writers for different children meeting on the same groups lock them in one order (no deadlock).
    select month, review_type, age, form_sent, channel, first_of_type, d from diff order by 1, 2, 3, 4, 5, 6
    on conflict (month, review_type, age, form_sent, channel, first_of_type)
        do update set held = mrmv_monthly.held + excluded.held;
    delete from mrmv_monthly where held = 0;
    delete from forms_read_monthly where sent = 0 and read = 0;
end;
$$;
