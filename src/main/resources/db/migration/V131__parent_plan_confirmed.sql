-- When the council last told us a plan exists (entered or imported again). A plan with no end date that nobody
-- has confirmed for myview.parent.open-plan-retention-days is taken as ended without its end date, and its
-- parents' names, emails and mobiles are erased (docs/runbook.md, "Retention").
alter table parent_plan add column confirmed_at timestamptz;
update parent_plan set confirmed_at = created_at;
alter table parent_plan alter column confirmed_at set not null;
alter table parent_plan alter column confirmed_at set default now();
create index parent_plan_open_confirmed on parent_plan (confirmed_at) where end_date is null;
