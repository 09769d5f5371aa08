-- Answers given offline wait on the child's phone and are sent when the connection returns; a phone may
-- send the same one twice (a retry after a dropped answer it never saw). Each answer and each send carries
-- a key the phone made up; the first request with a key does the work and stores where it led, a repeat
-- with the same key for the same link is told the same place and writes nothing.
create table consultation_request_key (
    link_id     bigint not null references consultation_link (id) on delete cascade,
    request_key text not null,
    location    text not null,
    used_at     timestamptz not null,
    primary key (link_id, request_key)
);
