-- What the database does for one question page of the child's form, without the service: the link
-- and its form, which device holds it (the claim: the page checks it on every request), the review facts,
-- the answers so far. Run by src/bench/run.sh with pgbench.
\set id random(:first, :last)
SELECT l.id, l.review_id, l.expires_at, l.replaced_at, c.sent_at FROM consultation_link l LEFT JOIN consultation c ON c.link_id = l.id WHERE l.id = :id;
SELECT session_hash, code_hash, code_failures FROM link_claim WHERE kind = 'consultation' AND link_id = :id;
SELECT r.review_date, ch.date_of_birth, s.display_name FROM consultation_link l JOIN review r ON r.id = l.review_id JOIN child ch ON ch.id = r.child_id LEFT JOIN staff_account s ON s.id = r.reviewing_officer_id WHERE l.id = :id;
SELECT a.question_id, a.answer, a.declined FROM consultation c JOIN consultation_answer a ON a.consultation_id = c.id WHERE c.link_id = :id;
