-- One hand-over in one statement, in one of 96 categories owned by this pgbench client (client_id mod 16):
-- lock the category row, end its running entry, start the head of its queue, point the category at it, write
-- the two events.
\set k random(0, 5)
\set c :client_id + 16 * :k
WITH cat AS (SELECT code, running_id FROM lean_categories WHERE code = :c FOR UPDATE),
ended AS (UPDATE lean_jobs j SET status = 5, ended_at = now() FROM cat WHERE j.id = cat.running_id AND j.status = 4 RETURNING j.id),
nxt AS (SELECT id FROM lean_jobs WHERE category = :c AND status = 2 ORDER BY priority, id LIMIT 1 FOR UPDATE SKIP LOCKED),
started AS (UPDATE lean_jobs j SET status = 4, fencing = j.fencing + 1, started_at = now() FROM nxt WHERE j.id = nxt.id RETURNING j.id),
moved AS (UPDATE lean_categories c SET running_id = (SELECT id FROM started) FROM cat WHERE c.code = cat.code RETURNING 1),
ev AS (INSERT INTO lean_events (job_id, kind, at) SELECT id, 5, now() FROM ended UNION ALL SELECT id, 4, now() FROM started RETURNING 1)
SELECT (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM ev) AS events;
