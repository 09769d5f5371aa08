-- A first SSDA903 import of 100,000 rows checked the same staff account 300,000 times: the foreign keys from
-- review_participation (recorded_by, updated_by) and review_participation_change (changed_by) to staff_account each
-- look the account up, and lock it, once per row written, about 5 s of the import's 18-25 s on the benchmark database
-- (docs/performance.md, "SSDA903 import of 100,000 rows"). The same rule now holds per statement, over the distinct accounts the statement
-- wrote: they must exist, and are locked as a foreign key locks them (for key share), so an account cannot be removed
-- while a write naming it is under way; removing an account, or changing its id, while these tables still name it
-- fails as it did (foreign_key_violation). Nothing else changes: every other foreign key stays.

alter table review_participation drop constraint review_participation_recorded_by_fkey;
alter table review_participation drop constraint review_participation_updated_by_fkey;
alter table review_participation_change drop constraint review_participation_change_changed_by_fkey;

-- Raises unless every non-null id is a staff account; locks those accounts for key share, as a foreign key's check does.
create function staff_accounts_must_exist(ids bigint[]) returns void language plpgsql as $$
declare
  wanted int;
  found int;
begin
  select count(distinct i) into wanted from unnest(ids) i where i is not null;
  if wanted = 0 then
    return;
  end if;
  select count(*) into found from (select s.id from staff_account s where s.id = any(ids) for key share) f;
  if found < wanted then
    raise foreign_key_violation using message = 'the rows written name a staff account that does not exist';
  end if;
end $$;

create function review_participation_staff_checked() returns trigger language plpgsql as $$
begin
  perform staff_accounts_must_exist(array(select recorded_by from new_rows union select updated_by from new_rows));
  return null;
end $$;

create function review_participation_change_staff_checked() returns trigger language plpgsql as $$
begin
  perform staff_accounts_must_exist(array(select distinct changed_by from new_rows));
  return null;
end $$;

create trigger review_participation_staff_inserted after insert on review_participation
  referencing new table as new_rows for each statement execute function review_participation_staff_checked();
create trigger review_participation_staff_updated after update on review_participation
  referencing new table as new_rows for each statement execute function review_participation_staff_checked();
create trigger review_participation_change_staff_inserted after insert on review_participation_change
  referencing new table as new_rows for each statement execute function review_participation_change_staff_checked();
create trigger review_participation_change_staff_updated after update on review_participation_change
  referencing new table as new_rows for each statement execute function review_participation_change_staff_checked();

-- The other side of the old foreign keys: an account these tables name cannot be deleted or given another id.
-- Accounts are switched off, never deleted, by the service; this guards a hand-written statement.
create function staff_account_still_named() returns trigger language plpgsql as $$
begin
  if exists (
      with gone as materialized (
        select o.id from old_rows o where not exists (select 1 from staff_account s where s.id = o.id))
      select 1 from gone g
      where exists (select 1 from review_participation p where p.recorded_by = g.id or p.updated_by = g.id)
         or exists (select 1 from review_participation_change c where c.changed_by = g.id)) then
    raise foreign_key_violation using message = 'recorded participation still names this staff account';
  end if;
  return null;
end $$;

create trigger staff_account_deleted_still_named after delete on staff_account
  referencing old table as old_rows for each statement execute function staff_account_still_named();
create trigger staff_account_updated_still_named after update on staff_account
  referencing old table as old_rows for each statement execute function staff_account_still_named();
