namespace ShopSync.Storage.Postgres.Schedules;

/// <summary>
/// The schedules' PostgreSQL migrations (history <c>__schedule_migrations</c>), applied by
/// <see cref="Migrations.PostgresMigrator"/> under the advisory lock. Instants are timestamptz; ids are uuid (their
/// order is the order of their text, as on SQLite). A migration is never edited once released.
/// </summary>
internal static class ScheduleSchema
{
    public const string HistoryTable = "__schedule_migrations";

    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "schedules", V1),
    ];

    // schedule_occurrences' primary key is what makes recording a queued occurrence idempotent across nodes
    // (INSERT ... ON CONFLICT DO NOTHING); the queue's ux_queue_jobs_occurrence makes queueing it so.
    private const string V1 = """
        CREATE TABLE schedules (
            id uuid PRIMARY KEY,
            shop_code text NOT NULL,
            report_id integer NOT NULL,
            description text NOT NULL,
            category_code text NULL,
            priority integer NULL,
            filters text NOT NULL,
            options text NOT NULL,
            max_attempts integer NULL,
            rerun_delay_ms bigint NULL,
            timeout_ms bigint NULL,
            time_zone text NOT NULL,
            earliest_start timestamptz NULL,
            expiration timestamptz NULL,
            form integer NOT NULL,
            weekdays integer NOT NULL,
            starting_time text NULL,
            ending_time text NULL,
            minutes_between_runs integer NOT NULL,
            formula text NULL,
            cron text NULL,
            anchoring integer NOT NULL,
            catch_up integer NOT NULL,
            catch_up_limit integer NOT NULL,
            overlap integer NOT NULL,
            on_failure integer NOT NULL,
            state integer NOT NULL,
            next_occurrence timestamptz NULL,
            last_occurrence timestamptz NULL,
            last_run_at timestamptz NULL,
            last_result integer NOT NULL,
            current_job_id uuid NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version bigint NOT NULL
        );
        CREATE INDEX ix_schedules_due ON schedules (next_occurrence) WHERE state = 1 AND next_occurrence IS NOT NULL;
        CREATE INDEX ix_schedules_shop_report ON schedules (shop_code, report_id);

        CREATE TABLE schedule_occurrences (
            schedule_id uuid NOT NULL,
            occurrence_utc timestamptz NOT NULL,
            job_id uuid NOT NULL,
            PRIMARY KEY (schedule_id, occurrence_utc)
        );
        """;
}
