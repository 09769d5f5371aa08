-- The writes of sending a form, without the service: the form marked sent once and its answer,
-- in one transaction, into scratch tables (src/bench/run.sh creates them). Run with pgbench.
\set id random(1, 2000000000)
BEGIN;
INSERT INTO bench_form (link_id, sent_at) VALUES (:id, now()) ON CONFLICT (link_id) DO NOTHING;
INSERT INTO bench_form_answer (link_id, question_id, answer) VALUES (:id, 'going-well', 'Things are going well at school') ON CONFLICT DO NOTHING;
COMMIT;
