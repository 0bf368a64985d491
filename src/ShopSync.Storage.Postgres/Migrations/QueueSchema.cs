namespace ShopSync.Storage.Postgres.Migrations;

/// <summary>
/// The queue's PostgreSQL migrations, applied in order by <see cref="PostgresMigrator"/>. A migration is never edited
/// once released: a change is a new entry at the end.
/// </summary>
internal static class QueueSchema
{
    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "queue", V1),
        (2, "enqueue_keys_and_sweep_leases", V2),
        (3, "audit_events", V3),
        (4, "queue_event_log", V4),
    ];

    // The queue-wide event log (WatchJobs): every event gets a position (log_key, log_pos). log_pos comes from a
    // sequence; log_key is the writing transaction's xid8, raised to the entry's previous key, so each entry's
    // positions grow. A reader reads only keys below its snapshot's xmin: every transaction that could still add a
    // key below it has ended, so what it read is complete and stays complete (a sequence value alone is not: an
    // earlier value may commit later). The accepted event has its position on the entry row. Rows written before
    // this migration have none and are not in the log.
    private const string V4 = """
        CREATE SEQUENCE queue_event_log_pos AS bigint;
        ALTER TABLE queue_jobs ADD COLUMN log_key xid8, ADD COLUMN log_pos bigint;
        ALTER TABLE queue_jobs ALTER COLUMN log_key SET DEFAULT pg_current_xact_id(),
            ALTER COLUMN log_pos SET DEFAULT nextval('queue_event_log_pos');
        ALTER TABLE queue_job_events ADD COLUMN log_key xid8, ADD COLUMN log_pos bigint;
        ALTER TABLE queue_job_events ALTER COLUMN log_pos SET DEFAULT nextval('queue_event_log_pos');
        CREATE INDEX ix_queue_jobs_log ON queue_jobs (log_key, log_pos);
        CREATE INDEX ix_queue_job_events_log ON queue_job_events (log_key, log_pos);
        """;

    // The audit trail: append-only (a trigger refuses UPDATE and DELETE).
    private const string V3 = """
        CREATE TABLE audit_events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            occurred_at timestamptz NOT NULL,
            principal text NOT NULL,
            on_behalf_of text,
            rpc text NOT NULL,
            target text,
            shop text,
            outcome integer NOT NULL,
            status text NOT NULL,
            detail text,
            peer text
        );
        CREATE INDEX ix_audit_events_principal ON audit_events (principal, id);
        CREATE INDEX ix_audit_events_shop ON audit_events (lower(shop), id);
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only';
        END $$;
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        """;

    // Idempotent enqueue (a request id keeps the first call's entry ids until it expires) and one lease row per
    // housekeeping sweep, so one node sweeps at a time.
    private const string V2 = """
        CREATE TABLE queue_enqueue_keys (
            request_id text PRIMARY KEY,
            request_hash bytea NOT NULL,
            job_ids uuid[] NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
        );
        CREATE INDEX ix_queue_enqueue_keys_expires ON queue_enqueue_keys (expires_at);

        CREATE TABLE queue_sweep_leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        """;

    // Times are timestamptz. queue_categories carries the category rule: one row per category, locked by a claim
    // (FOR UPDATE SKIP LOCKED) and naming the entry that runs. The trigger keeps running_job tied to the entry row
    // itself: set when an entry enters In Process, cleared only when that same entry (by id) leaves it, whichever
    // statement moved it (a fenced completion, a recovery, a delete). The partial unique index ux_queue_jobs_in_process
    // stays as a safety net under it.
    private const string V1 = """
        CREATE TABLE queue_jobs (
            entry_no bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id uuid NOT NULL,
            report_id integer NOT NULL,
            description text NOT NULL,
            shop_code text NOT NULL,
            category_code text NOT NULL,
            priority integer NOT NULL,
            status integer NOT NULL,
            earliest_start timestamptz NOT NULL,
            expiration timestamptz NULL,
            max_attempts integer NOT NULL,
            attempts integer NOT NULL,
            rerun_delay_ms bigint NOT NULL,
            timeout_ms bigint NOT NULL,
            filters text NOT NULL,
            options text NOT NULL,
            created_by text NOT NULL,
            error_message text NULL,
            error_detail text NULL,
            progress_percent integer NULL,
            progress_message text NULL,
            pages bigint NOT NULL DEFAULT 0,
            done bigint NOT NULL DEFAULT 0,
            failed bigint NOT NULL DEFAULT 0,
            skipped bigint NOT NULL DEFAULT 0,
            checkpoint text NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            started_at timestamptz NULL,
            ended_at timestamptz NULL,
            last_result integer NOT NULL DEFAULT 0,
            schedule_id uuid NULL,
            occurrence_utc timestamptz NULL,
            lease_owner text NULL,
            lease_expires_at timestamptz NULL,
            fencing_token bigint NOT NULL DEFAULT 0,
            cancel_requested boolean NOT NULL DEFAULT false,
            hold_requested boolean NOT NULL DEFAULT false,
            accepted_status integer NOT NULL,
            foreground boolean NOT NULL DEFAULT false,
            event_seq bigint NOT NULL,
            trace_parent text NULL
        );
        CREATE UNIQUE INDEX ux_queue_jobs_id ON queue_jobs (id);
        CREATE INDEX ix_queue_jobs_queued ON queue_jobs (category_code, priority, entry_no) WHERE status IN (2, 3);
        CREATE INDEX ix_queue_jobs_ready ON queue_jobs (category_code, earliest_start) WHERE status = 2;
        CREATE UNIQUE INDEX ux_queue_jobs_in_process ON queue_jobs (category_code) WHERE status = 4;
        CREATE INDEX ix_queue_jobs_lease ON queue_jobs (lease_expires_at) WHERE status = 4;
        CREATE UNIQUE INDEX ux_queue_jobs_occurrence ON queue_jobs (schedule_id, occurrence_utc) WHERE schedule_id IS NOT NULL;

        CREATE TABLE queue_categories (
            code text PRIMARY KEY,
            running_job uuid NULL,
            last_claim_at timestamptz NULL
        );

        CREATE TABLE queue_job_events (
            job_id uuid NOT NULL,
            seq bigint NOT NULL,
            time timestamptz NOT NULL,
            kind integer NOT NULL,
            data text NOT NULL,
            PRIMARY KEY (job_id, seq)
        );

        CREATE TABLE queue_job_log (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            job_id uuid NOT NULL,
            entry_no bigint NOT NULL,
            report_id integer NOT NULL,
            description text NOT NULL,
            shop_code text NOT NULL,
            category_code text NOT NULL,
            attempt integer NOT NULL,
            start_time timestamptz NOT NULL,
            end_time timestamptz NULL,
            result integer NOT NULL,
            error_message text NULL,
            error_detail text NULL,
            pages bigint NOT NULL,
            done bigint NOT NULL,
            failed bigint NOT NULL,
            skipped bigint NOT NULL,
            filters text NOT NULL,
            options text NOT NULL,
            node text NOT NULL
        );
        CREATE INDEX ix_queue_job_log_job ON queue_job_log (job_id, id);
        CREATE INDEX ix_queue_job_log_shop ON queue_job_log (shop_code, id);

        CREATE TABLE queue_nodes (
            node_id text PRIMARY KEY,
            started_at timestamptz NOT NULL,
            heartbeat_at timestamptz NOT NULL
        );

        -- Bumped by every log purge that deleted rows, so each node's task-health fold knows to start again.
        CREATE TABLE queue_log_generation (id integer PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL);
        INSERT INTO queue_log_generation VALUES (1, 0);

        CREATE FUNCTION queue_jobs_category_slot() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD.status = 4 AND (TG_OP = 'DELETE' OR NEW.status <> 4) THEN
                UPDATE queue_categories SET running_job = NULL WHERE code = OLD.category_code AND running_job = OLD.id;
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.status = 4 AND (TG_OP = 'INSERT' OR OLD.status <> 4) THEN
                UPDATE queue_categories SET running_job = NEW.id, last_claim_at = clock_timestamp() WHERE code = NEW.category_code;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER queue_jobs_category_slot AFTER INSERT OR UPDATE OF status OR DELETE ON queue_jobs
            FOR EACH ROW EXECUTE FUNCTION queue_jobs_category_slot();
        """;
}
