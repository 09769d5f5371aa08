-- "CP and CIN together" (issue 18): the improvement plan reads its CP/CIN measures over both kinds of review,
-- so a target can be set on them together.
alter table participation_target drop constraint participation_target_types_valid;
alter table participation_target add constraint participation_target_types_valid
    check (review_types in ('ALL', 'CLA', 'CP_INITIAL', 'CP_REVIEW', 'CIN', 'ALL_CP', 'CP_AND_CIN'));
