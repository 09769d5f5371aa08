-- review_child_type_date_idx (V4) has the same columns in the same order as review_identity's unique index (V1), so
-- every query that used it is served as well by review_identity (the plans were checked: issue 20); an import of
-- 100,000 reviews kept both up to date.
drop index review_child_type_date_idx;
