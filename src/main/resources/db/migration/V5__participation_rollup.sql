-- The participation dashboard reads a monthly roll-up instead of millions of reviews. Triggers keep
-- it equal to the reviews in the same transaction as every write (entry, import, any SQL), so it is
-- never stale; a test compares it with a direct count.

-- A child's age in whole years on a date, the one definition the database uses (it agrees with
-- review.ChildAge: a child born on 29 February turns a year older on 1 March in other years).
create function child_age(date_of_birth date, on_date date) returns integer
    language sql immutable strict parallel safe
    as $$ select date_part('year', age(on_date, date_of_birth))::integer $$;

create table participation_monthly (
    month        date    not null,
    review_type  text    not null,
    age          integer not null,
    pn_code      text    not null,
    advocate     text    not null,
    reviews      integer not null,
    primary key (month, review_type, age, pn_code, advocate),
    constraint participation_monthly_first_of_month check (month = date_trunc('month', month)::date),
    constraint participation_monthly_not_negative check (reviews >= 0)
);

create function participation_rollup_add(p_month date, p_type text, p_age integer, p_code text, p_advocate text, p_delta integer)
    returns void language plpgsql as $$
begin
    if p_delta > 0 then
        insert into participation_monthly (month, review_type, age, pn_code, advocate, reviews)
        values (date_trunc('month', p_month)::date, p_type, p_age, p_code, p_advocate, p_delta)
        on conflict (month, review_type, age, pn_code, advocate)
            do update set reviews = participation_monthly.reviews + excluded.reviews;
    else
        -- (An upsert would check the negative row against the constraint before finding the existing one.)
        update participation_monthly set reviews = reviews + p_delta
        where month = date_trunc('month', p_month)::date and review_type = p_type and age = p_age
          and pn_code = p_code and advocate = p_advocate;
        delete from participation_monthly
        where month = date_trunc('month', p_month)::date and review_type = p_type and age = p_age
          and pn_code = p_code and advocate = p_advocate and reviews = 0;
    end if;
end;
$$;

create function participation_rollup_on_participation() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select rv.review_date, rv.review_type, c.date_of_birth into r
            from review rv join child c on c.id = rv.child_id where rv.id = old.review_id;
        if found then
            perform participation_rollup_add(r.review_date, r.review_type, child_age(r.date_of_birth, r.review_date),
                old.pn_code, old.advocate, -1);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        select rv.review_date, rv.review_type, c.date_of_birth into r
            from review rv join child c on c.id = rv.child_id where rv.id = new.review_id;
        perform participation_rollup_add(r.review_date, r.review_type, child_age(r.date_of_birth, r.review_date),
            new.pn_code, new.advocate, 1);
    end if;
    return null;
end;
$$;
create trigger participation_rollup_after_insert after insert on review_participation
    for each row execute function participation_rollup_on_participation();
create trigger participation_rollup_after_delete after delete on review_participation
    for each row execute function participation_rollup_on_participation();
create trigger participation_rollup_after_update after update of pn_code, advocate on review_participation
    for each row when (old.pn_code is distinct from new.pn_code or old.advocate is distinct from new.advocate)
    execute function participation_rollup_on_participation();

-- A review that moves (date or type) moves its participation in the roll-up.
create function participation_rollup_on_review() returns trigger language plpgsql as $$
declare
    p record;
    dob date;
begin
    select pn_code, advocate into p from review_participation where review_id = old.id;
    if not found then
        return old; -- BEFORE DELETE goes ahead when the trigger returns the row (AFTER UPDATE ignores it)
    end if;
    select date_of_birth into dob from child where id = old.child_id;
    perform participation_rollup_add(old.review_date, old.review_type, child_age(dob, old.review_date), p.pn_code, p.advocate, -1);
    if tg_op = 'UPDATE' then
        select date_of_birth into dob from child where id = new.child_id;
        perform participation_rollup_add(new.review_date, new.review_type, child_age(dob, new.review_date), p.pn_code, p.advocate, 1);
    end if;
    return old;
end;
$$;
create trigger participation_rollup_review_moved after update of review_date, review_type, child_id on review
    for each row when (old.review_date is distinct from new.review_date or old.review_type is distinct from new.review_type
                       or old.child_id is distinct from new.child_id)
    execute function participation_rollup_on_review();
-- Deleting a review deletes its participation by cascade, after the review row is gone: count it out first.
create trigger participation_rollup_review_deleted before delete on review
    for each row execute function participation_rollup_on_review();

-- A corrected date of birth moves the child's reviews between ages.
create function participation_rollup_on_child() returns trigger language plpgsql as $$
begin
    perform participation_rollup_add(r.review_date, r.review_type, child_age(old.date_of_birth, r.review_date), p.pn_code, p.advocate, -1),
            participation_rollup_add(r.review_date, r.review_type, child_age(new.date_of_birth, r.review_date), p.pn_code, p.advocate, 1)
        from review r join review_participation p on p.review_id = r.id where r.child_id = new.id;
    return null;
end;
$$;
create trigger participation_rollup_child_dob after update of date_of_birth on child
    for each row when (old.date_of_birth is distinct from new.date_of_birth)
    execute function participation_rollup_on_child();

-- Whatever was recorded before this migration.
insert into participation_monthly (month, review_type, age, pn_code, advocate, reviews)
select date_trunc('month', r.review_date)::date, r.review_type, child_age(c.date_of_birth, r.review_date), p.pn_code, p.advocate, count(*)
from review r join child c on c.id = r.child_id join review_participation p on p.review_id = r.id
group by 1, 2, 3, 4, 5;

-- Targets the Reviewing Service Manager sets, rated RED/YELLOW/AMBER/GREEN from the figures.
create table participation_target (
    id           bigserial primary key,
    measure      text not null,
    review_types text not null,
    baseline     numeric(7, 2),
    target       numeric(7, 2) not null,
    tolerance    numeric(7, 2) not null default 0,
    updated_by   bigint references staff_account (id),
    updated_at   timestamptz not null default now(),
    constraint participation_target_measure_valid check (measure in ('PARTICIPATED', 'ATTENDED', 'CONTRIBUTED', 'NYAS_REFERRALS')),
    constraint participation_target_types_valid check (review_types in ('ALL', 'CLA', 'CP_INITIAL', 'CP_REVIEW', 'CIN', 'ALL_CP')),
    constraint participation_target_unique unique (measure, review_types)
);
