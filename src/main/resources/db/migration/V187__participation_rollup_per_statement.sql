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
