-- Caseloads: an officer's children are those they hold a review for, and those the manager assigned
-- to them here (a child moving to a new officer before that officer's first review of them).
create table child_assignment (
    child_id     bigint not null references child (id),
    officer_id   bigint not null references staff_account (id),
    assigned_by  bigint references staff_account (id),
    assigned_at  timestamptz not null default now(),
    primary key (child_id, officer_id)
);
create index child_assignment_officer_idx on child_assignment (officer_id);
