-- My Review My View on the dashboard reads a monthly roll-up instead of a year of reviews (issue 18), kept in
-- the write transaction by triggers like participation_monthly (V5). Its inputs are spread over five tables
-- (review, child, consultation_link, consultation, views_received) and one input, "first review of its type",
-- depends on the child's other reviews: adding an earlier review takes the flag away from a later one. So the
-- triggers do not add deltas row by row; they recompute every review of each child touched, compare it with
-- the stored per-review state (mrmv_review) and move only the differences into mrmv_monthly. Statement-level
-- triggers with transition tables keep a bulk import (COPY, set-based statements) to one recompute per statement.
-- docs/performance.md says why; MrmvRollupConsistencyTest compares it with the direct query after random writes.

-- One row per review: what it adds to the roll-ups. channel '' = not completed; first_of_type only for completed.
-- The same recompute keeps "read before the review" (FormsReadService): form_read, the officer's first read of
-- a form sent before the review, on or before the review date; unread, a form sent before the review that no
-- officer has opened yet (the page's list of those, read through a partial index instead of a year of reviews).
create table mrmv_review (
    review_id     bigint  primary key,
    child_id      bigint  not null,
    officer_id    bigint,
    review_date   date    not null,
    month         date    not null,
    review_type   text    not null,
    age           integer not null,
    form_sent     boolean not null,
    channel       text    not null,
    first_of_type boolean not null,
    form_read     boolean not null,
    unread        boolean not null
);
create index mrmv_review_child on mrmv_review (child_id);
create index mrmv_review_unread on mrmv_review (review_date, review_id) where unread;

create table mrmv_monthly (
    month         date    not null,
    review_type   text    not null,
    age           integer not null,
    form_sent     boolean not null,
    channel       text    not null,
    first_of_type boolean not null,
    held          integer not null,
    primary key (month, review_type, age, form_sent, channel, first_of_type)
);

-- Forms sent before the review (channel ONLINE_FORM) and those read before it, by month, type, age and officer
-- (0: none).
create table forms_read_monthly (
    month         date    not null,
    review_type   text    not null,
    age           integer not null,
    officer_id    bigint  not null,
    sent          integer not null,
    read          integer not null,
    primary key (month, review_type, age, officer_id)
);
-- Each recompute ends by deleting the groups that fell to zero: these keep that from scanning the whole roll-up.
create index mrmv_monthly_empty on mrmv_monthly (month) where held = 0;
create index forms_read_monthly_empty on forms_read_monthly (month) where sent = 0 and read = 0;

-- Recomputes every review of these children (the same rules as ParticipationRepository.myReviewMyView: a link
-- or a sent form counts when created before the day after the review, Europe/London; views received another
-- way count when received on or before the review date; the online form wins).
create function mrmv_refresh(p_children bigint[]) returns void language plpgsql as $$
begin
    if p_children is null or cardinality(p_children) = 0 then
        return;
    end if;
    -- Two transactions refreshing the same child would both diff against the same stored state: take the
    -- children in id order, one transaction at a time (no key update: foreign key checks are not blocked).
    perform 1 from child where id = any(p_children) order by id for no key update;
    with kids as (
        select distinct k as child_id from unnest(p_children) k
    ), base as (
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

-- The children of these reviews, also those whose review row is already gone (its stored state names the child).
create function mrmv_children_of(p_reviews bigint[]) returns bigint[] language sql stable as $$
    select array(select child_id from review where id = any(p_reviews)
                 union select child_id from mrmv_review where review_id = any(p_reviews))
$$;

create function mrmv_on_review() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform mrmv_refresh(array(select distinct child_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform mrmv_refresh(array(select distinct child_id from old_rows));
    else
        perform mrmv_refresh(array(
            select x.child_id from old_rows o join new_rows n on n.id = o.id,
              lateral (values (o.child_id), (n.child_id)) x(child_id)
            where (o.child_id, o.review_type, o.review_date, o.reviewing_officer_id)
                  is distinct from (n.child_id, n.review_type, n.review_date, n.reviewing_officer_id)));
    end if;
    return null;
end;
$$;
create trigger mrmv_review_inserted after insert on review referencing new table as new_rows
    for each statement execute function mrmv_on_review();
create trigger mrmv_review_updated after update on review referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_review();
create trigger mrmv_review_deleted after delete on review referencing old table as old_rows
    for each statement execute function mrmv_on_review();

create function mrmv_on_child() returns trigger language plpgsql as $$
begin
    perform mrmv_refresh(array(select n.id from old_rows o join new_rows n on n.id = o.id
                               where o.date_of_birth is distinct from n.date_of_birth));
    return null;
end;
$$;
create trigger mrmv_child_updated after update on child referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_child();

-- Links, forms and views received: the review each row belongs to (before and after an update).
create function mrmv_on_link() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from new_rows)));
    elsif tg_op = 'DELETE' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from old_rows)));
    else
        perform mrmv_refresh(mrmv_children_of(array(
            select x.review_id from old_rows o join new_rows n on n.id = o.id,
              lateral (values (o.review_id), (n.review_id)) x(review_id)
            where (o.review_id, o.created_at) is distinct from (n.review_id, n.created_at))));
    end if;
    return null;
end;
$$;
create trigger mrmv_link_inserted after insert on consultation_link referencing new table as new_rows
    for each statement execute function mrmv_on_link();
create trigger mrmv_link_updated after update on consultation_link referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_link();
create trigger mrmv_link_deleted after delete on consultation_link referencing old table as old_rows
    for each statement execute function mrmv_on_link();

create function mrmv_on_form() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from new_rows where sent_at is not null)));
    elsif tg_op = 'DELETE' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from old_rows where sent_at is not null)));
    else
        perform mrmv_refresh(mrmv_children_of(array(
            select x.review_id from old_rows o join new_rows n on n.id = o.id,
              lateral (values (o.review_id), (n.review_id)) x(review_id)
            where (o.review_id, o.sent_at) is distinct from (n.review_id, n.sent_at))));
    end if;
    return null;
end;
$$;
create trigger mrmv_form_inserted after insert on consultation referencing new table as new_rows
    for each statement execute function mrmv_on_form();
create trigger mrmv_form_updated after update on consultation referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_form();
create trigger mrmv_form_deleted after delete on consultation referencing old table as old_rows
    for each statement execute function mrmv_on_form();

create function mrmv_on_views_received() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from new_rows)));
    elsif tg_op = 'DELETE' then
        perform mrmv_refresh(mrmv_children_of(array(select review_id from old_rows)));
    else
        perform mrmv_refresh(mrmv_children_of(array(
            select x.review_id from old_rows o join new_rows n on n.id = o.id,
              lateral (values (o.review_id), (n.review_id)) x(review_id)
            where (o.review_id, o.channel, o.received_on) is distinct from (n.review_id, n.channel, n.received_on))));
    end if;
    return null;
end;
$$;
create trigger mrmv_views_received_inserted after insert on views_received referencing new table as new_rows
    for each statement execute function mrmv_on_views_received();
create trigger mrmv_views_received_updated after update on views_received referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_views_received();
create trigger mrmv_views_received_deleted after delete on views_received referencing old table as old_rows
    for each statement execute function mrmv_on_views_received();

-- An officer's first read of a sent form (consultation/'s consultation_first_read).
create function mrmv_on_first_read() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform mrmv_refresh(mrmv_children_of(array(select k.review_id from new_rows n join consultation k on k.id = n.consultation_id)));
    elsif tg_op = 'DELETE' then
        perform mrmv_refresh(mrmv_children_of(array(select k.review_id from old_rows o join consultation k on k.id = o.consultation_id)));
    else
        perform mrmv_refresh(mrmv_children_of(array(select k.review_id from new_rows n join consultation k on k.id = n.consultation_id
                                                    union select k.review_id from old_rows o join consultation k on k.id = o.consultation_id)));
    end if;
    return null;
end;
$$;
create trigger mrmv_first_read_inserted after insert on consultation_first_read referencing new table as new_rows
    for each statement execute function mrmv_on_first_read();
create trigger mrmv_first_read_updated after update on consultation_first_read referencing old table as old_rows new table as new_rows
    for each statement execute function mrmv_on_first_read();
create trigger mrmv_first_read_deleted after delete on consultation_first_read referencing old table as old_rows
    for each statement execute function mrmv_on_first_read();

-- Whatever was recorded before this migration (and the benchmark's bulk load, which runs with triggers off).
create function mrmv_rebuild() returns void language plpgsql as $$
begin
    delete from mrmv_monthly;
    delete from forms_read_monthly;
    delete from mrmv_review;
    perform mrmv_refresh(array(select id from child));
end;
$$;
select mrmv_rebuild();

-- Targets for the dashboard's other headlines (issue 18): My Review My View completed, forms read before the
-- review, talk-now concerns open (Measure).
alter table participation_target drop constraint participation_target_measure_valid;
alter table participation_target add constraint participation_target_measure_valid
    check (measure in ('PARTICIPATED', 'ATTENDED', 'CONTRIBUTED', 'NYAS_REFERRALS', 'MRMV_COMPLETED', 'FORMS_READ', 'CONCERNS_OPEN'));
