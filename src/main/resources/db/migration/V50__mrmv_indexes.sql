-- My Review My View on the participation dashboard: for each review of the year it asks "was a link
-- created on or before the review date?" and "was a form sent on or before it?". These covering
-- indexes answer both from the index alone, without visiting the tables.
create index consultation_link_review_created on consultation_link (review_id, created_at);
create index consultation_review_sent on consultation (review_id, sent_at) where sent_at is not null;
