-- Sending a form no longer waits for other children's sends (issue 20). Since V184 every send updated the same group
-- row of mrmv_monthly and forms_read_monthly (this month, this review type), so concurrent sends for different
-- children queued on that row's lock until each other's commit. Now the triggers only append: mrmv_refresh writes its
-- per-group differences as new rows of mrmv_monthly_delta and forms_read_monthly_delta (insert-only, no unique key, so
-- two writers never meet on a row). Readers read the *_now views: the base row plus the pending deltas of its group,
-- summed in the reader's snapshot, so every figure is exactly what the base alone gave before. rollup_fold() moves
-- deltas into the base, claiming them with FOR UPDATE SKIP LOCKED, in one transaction (a reader sees the deltas or
-- the folded base, never both or neither): any number of instances may run it (RollupFoldJob) and none keeps state.
-- The per-child work (mrmv_review, the child row lock) is unchanged: only sends for the same child wait on each other.
-- docs/architecture.md ("Roll-ups") and docs/performance.md ("Sending and the roll-ups") say more.

create table mrmv_monthly_delta (
    id            bigint  generated always as identity primary key,
    month         date    not null,
    review_type   text    not null,
    age           integer not null,
    form_sent     boolean not null,
    channel       text    not null,
    first_of_type boolean not null,
    held          integer not null
);
create index mrmv_monthly_delta_month on mrmv_monthly_delta (month);

create table forms_read_monthly_delta (
    id            bigint  generated always as identity primary key,
    month         date    not null,
    review_type   text    not null,
    age           integer not null,
    officer_id    bigint  not null,
    sent          integer not null,
    read          integer not null
);
create index forms_read_monthly_delta_month on forms_read_monthly_delta (month);

-- What the readers read. A filter on month, type or age reaches both branches (grouping columns), so a year's read
-- stays on the indexes. Groups that sum to zero are left out, as the base deletes them.
create view mrmv_monthly_now as
select month, review_type, age, form_sent, channel, first_of_type, sum(held)::integer as held
from (select month, review_type, age, form_sent, channel, first_of_type, held from mrmv_monthly
      union all
      select month, review_type, age, form_sent, channel, first_of_type, held from mrmv_monthly_delta) x
group by month, review_type, age, form_sent, channel, first_of_type
having sum(held) <> 0;

create view forms_read_monthly_now as
select month, review_type, age, officer_id, sum(sent)::integer as sent, sum(read)::integer as read
from (select month, review_type, age, officer_id, sent, read from forms_read_monthly
      union all
      select month, review_type, age, officer_id, sent, read from forms_read_monthly_delta) x
group by month, review_type, age, officer_id
having sum(sent) <> 0 or sum(read) <> 0;

-- Folds at most p_limit deltas of each table into the base; returns how many it folded. Base rows are locked in key
-- order (two folders meeting on the same groups do not deadlock); empty groups are deleted, skipping any row another
-- folder holds (it, or a later fold, deletes it). A base row may go below zero for a while when another folder holds the +1 that
-- a -1 cancels: the views' sums are right all the same.
create function rollup_fold(p_limit integer) returns integer language plpgsql as $$
declare
    n_mrmv integer;
    n_read integer;
begin
    with claimed as (
        select id from mrmv_monthly_delta order by id limit p_limit for update skip locked
    ), taken as (
        delete from mrmv_monthly_delta d using claimed c where d.id = c.id
        returning d.month, d.review_type, d.age, d.form_sent, d.channel, d.first_of_type, d.held
    ), summed as (
        insert into mrmv_monthly (month, review_type, age, form_sent, channel, first_of_type, held)
        select month, review_type, age, form_sent, channel, first_of_type, sum(held)::integer from taken
        group by 1, 2, 3, 4, 5, 6 having sum(held) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (month, review_type, age, form_sent, channel, first_of_type)
            do update set held = mrmv_monthly.held + excluded.held
    )
    select count(*) into n_mrmv from taken;
    -- (A later statement: a CTE would not see the rows the upsert just changed.)
    delete from mrmv_monthly where ctid = any(array(select ctid from mrmv_monthly where held = 0 for update skip locked));

    with claimed as (
        select id from forms_read_monthly_delta order by id limit p_limit for update skip locked
    ), taken as (
        delete from forms_read_monthly_delta d using claimed c where d.id = c.id
        returning d.month, d.review_type, d.age, d.officer_id, d.sent, d.read
    ), summed as (
        insert into forms_read_monthly (month, review_type, age, officer_id, sent, read)
        select month, review_type, age, officer_id, sum(sent)::integer, sum(read)::integer from taken
        group by 1, 2, 3, 4 having sum(sent) <> 0 or sum(read) <> 0 order by 1, 2, 3, 4
        on conflict (month, review_type, age, officer_id)
            do update set sent = forms_read_monthly.sent + excluded.sent, read = forms_read_monthly.read + excluded.read
    )
    select count(*) into n_read from taken;
    delete from forms_read_monthly
    where ctid = any(array(select ctid from forms_read_monthly where sent = 0 and read = 0 for update skip locked));
    return n_mrmv + n_read;
end;
$$;

-- mrmv_refresh as in V187 (the same recompute, the same differences, for imports and single writes alike), but its
-- differences are appended to the delta tables instead of added to the shared group rows, and it no longer deletes
-- empty groups (rollup_fold does).
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
        insert into forms_read_monthly_delta (month, review_type, age, officer_id, sent, read)
        select month, review_type, age, officer_id, d_sent, d_read from read_diff
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
    -- Appended, never updated: no row here is shared with another writer (rollup_fold moves them into the base).
    insert into mrmv_monthly_delta (month, review_type, age, form_sent, channel, first_of_type, held)
    select month, review_type, age, form_sent, channel, first_of_type, d from diff;
end;
$$;

-- The rebuild starts from nothing: pending deltas go too; the result is folded at once.
create or replace function mrmv_rebuild() returns void language plpgsql as $$
begin
    delete from mrmv_monthly;
    delete from forms_read_monthly;
    delete from mrmv_monthly_delta;
    delete from forms_read_monthly_delta;
    delete from mrmv_review;
    perform mrmv_refresh(array(select id from child));
    perform rollup_fold(2147483647);
end;
$$;
