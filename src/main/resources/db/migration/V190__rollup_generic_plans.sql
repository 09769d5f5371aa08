-- Sending a form ran mrmv_refresh (V188) through the form's statement trigger, and PostgreSQL planned its big
-- recompute afresh at every call: with a parameter (the children's array) the plan cache kept choosing a custom plan,
-- about 2.5 ms of a send's 4 ms in the trigger on the benchmark database (1.4 million reviews). A generic plan is made
-- once per connection and its shape is the same for one child or many (index probes per child), so the function now
-- always uses it. Nothing else changes: the same statements, the same results (docs/performance.md, "Sending and
-- the roll-ups").
alter function mrmv_refresh(bigint[]) set plan_cache_mode = force_generic_plan;
