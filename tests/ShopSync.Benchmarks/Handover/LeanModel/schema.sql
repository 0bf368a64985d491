-- The leanest hand-over we could write, for a bound: a narrow state row per entry (the wide
-- fields apart in lean_payload, never touched), one partial index for the queue, the running entry in a narrow
-- category row (HOT-updated), two events of four columns. Run by run.sh.
DROP TABLE IF EXISTS lean_jobs, lean_payload, lean_categories, lean_events;
CREATE TABLE lean_payload (id bigint PRIMARY KEY, shop text, task text, filters text, description text);
CREATE TABLE lean_jobs (id bigint PRIMARY KEY, category int NOT NULL, priority int NOT NULL, status smallint NOT NULL,
  fencing bigint NOT NULL DEFAULT 0, started_at timestamptz, ended_at timestamptz) WITH (fillfactor = 90);
CREATE INDEX ix_lean_queued ON lean_jobs (category, priority, id) WHERE status = 2;
CREATE TABLE lean_categories (code int PRIMARY KEY, running_id bigint) WITH (fillfactor = 30);
CREATE TABLE lean_events (pos bigserial PRIMARY KEY, job_id bigint NOT NULL, kind smallint NOT NULL, at timestamptz NOT NULL);
INSERT INTO lean_categories SELECT c, NULL FROM generate_series(0, 99) c;
INSERT INTO lean_jobs (id, category, priority, status)
  SELECT g, g % 100, 1000, 2 FROM generate_series(1, 600000) g;
INSERT INTO lean_payload SELECT g, 'DEMO', 'ShpfySyncProducts', repeat('x', 120), repeat('y', 80) FROM generate_series(1, 600000) g;
VACUUM ANALYZE;
