using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Inserts entries with one multi-row statement (arrays through <c>unnest</c>, numbered in the caller's order). The
/// accepted event (sequence 1) is derived from the row, as on SQLite. An entry due now in a busy category is stored
/// Waiting with a waiting event (sequence 2) naming the entry it waits for.
/// </summary>
internal static class PgInserts
{
    private const string CategoriesSql = "INSERT INTO queue_categories (code) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING";

    // One statement: the rows (numbered in the caller's order), each due Ready entry of a busy category stored Waiting
    // with its waiting event's sequence (2), and each row answered with the entry it waits for (or NULL). $21 is the
    // call's distinct categories; the busy ones are read once, in the statement's snapshot.
    private const string InsertSql =
        "WITH b AS (SELECT code, running_job FROM queue_categories WHERE code = ANY($21::text[]) AND running_job IS NOT NULL), " +
        "u AS (SELECT u.*, CASE WHEN u.status = 2 AND u.earliest <= u.created THEN b.running_job END AS blocking " +
        "FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::integer[], " +
        "$8::timestamptz[], $9::timestamptz[], $10::integer[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::text[], " +
        "$16::timestamptz[], $17::uuid[], $18::timestamptz[], $19::boolean[], $20::text[]) WITH ORDINALITY " +
        "AS u(id, report, description, shop, category, priority, status, earliest, expiration, max_attempts, rerun, timeout, filters, " +
        "options, created_by, created, schedule, occurrence, foreground, trace, ord) LEFT JOIN b ON b.code = u.category), " +
        "i AS (INSERT INTO queue_jobs (id, report_id, description, shop_code, category_code, priority, status, earliest_start, " +
        "expiration, max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, created_at, updated_at, " +
        "schedule_id, occurrence_utc, accepted_status, foreground, event_seq, trace_parent) " +
        "SELECT u.id, u.report, u.description, u.shop, u.category, u.priority, CASE WHEN u.blocking IS NULL THEN u.status ELSE 3 END, " +
        "u.earliest, u.expiration, u.max_attempts, 0, u.rerun, u.timeout, u.filters, u.options, u.created_by, u.created, u.created, " +
        "u.schedule, u.occurrence, CASE WHEN u.blocking IS NULL THEN u.status ELSE 3 END, u.foreground, " +
        "CASE WHEN u.blocking IS NULL THEN 1 ELSE 2 END, u.trace FROM u ORDER BY u.ord RETURNING id, entry_no) " +
        "SELECT i.id, i.entry_no, u.blocking FROM i JOIN u ON u.id = i.id";

    /// <summary>
    /// Two round trips: the category rows and the insert go as one batch, then the waiting events and the commit (see
    /// <see cref="PgSession.CommitAsync"/>).
    /// </summary>
    public static async Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(PgSession session, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        var categories = jobs.Select(j => j.Job.CategoryCode).Distinct(StringComparer.Ordinal).ToArray();
        var n = jobs.Count;
        T[] Map<T>(Func<Job, T> f) => Enumerable.Range(0, n).Select(i => f(jobs[i].Job)).ToArray();
        await using var batch = session.Batch();
        batch.BatchCommands.Add(Pg.BatchCommand(CategoriesSql, [categories]));
        batch.BatchCommands.Add(Pg.BatchCommand(
            InsertSql,
            Map(j => j.Id),
            Map(j => j.ReportId),
            Map(j => j.Description),
            Map(j => j.ShopCode),
            Map(j => j.CategoryCode),
            Map(j => j.Priority),
            Map(j => (int)j.Status),
            Map(j => Pg.Utc(j.EarliestStart)),
            Map(j => j.Expiration is { } e ? Pg.Utc(e) : (DateTimeOffset?)null),
            Map(j => j.MaxAttempts),
            Map(j => (long)j.RerunDelay.TotalMilliseconds),
            Map(j => (long)j.Timeout.TotalMilliseconds),
            Map(j => ParameterCodec.EncodeFilters(j.Filters)),
            Map(j => ParameterCodec.EncodeOptions(j.Options)),
            Map(j => j.CreatedBy),
            Map(j => Pg.Utc(j.CreatedAt)),
            Map(j => j.ScheduleId),
            Map(j => j.OccurrenceUtc is { } o ? Pg.Utc(o) : (DateTimeOffset?)null),
            Enumerable.Range(0, n).Select(i => jobs[i].Foreground).ToArray(),
            Map(j => j.TraceParent),
            categories));
        var numbers = new Dictionary<Guid, (long EntryNo, Guid? Blocking)>(n);
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            // The reader starts at the insert's answer: Npgsql passes over statements that return no rows.
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                numbers[reader.GetGuid(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
            }
        }

        var stored = new Job[n];
        var events = new List<QueueEvent>(n);
        for (var i = 0; i < n; i++)
        {
            var (job, foreground) = (jobs[i].Job, jobs[i].Foreground);
            var (entryNo, blocking) = numbers[job.Id];
            var status = blocking is null ? job.Status : JobStatus.Waiting;
            stored[i] = job with { EntryNo = entryNo, Status = status, Attempts = 0, UpdatedAt = job.CreatedAt, LastEventSequence = blocking is null ? 1 : 2 };
            events.Add(new QueueEvent(JobAccepted.Of(job.Id, entryNo, status, job.CreatedAt, foreground), job.ShopCode, job.CategoryCode, job.ReportId));
            if (blocking is { } blockingId)
            {
                session.Event(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, 2, new JobWaiting(blockingId, job.CategoryCode), job.CreatedAt, events);
            }
        }

        return new StoreResult<IReadOnlyList<Job>>(stored, events);
    }

    /// <summary>
    /// After a unique violation on ux_queue_jobs_occurrence (the transaction is gone): the first entry of the call whose
    /// occurrence is stored already or repeats an earlier one of the call, as the engine's typed error.
    /// </summary>
    public static async Task<JobOccurrenceExistsException?> FindDuplicateOccurrenceAsync(NpgsqlDataSource dataSource, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        var scheduled = jobs.Select(j => j.Job).Where(j => j.ScheduleId is not null && j.OccurrenceUtc is not null).ToList();
        var seen = new HashSet<(Guid, DateTimeOffset)>();
        foreach (var job in scheduled)
        {
            if (!seen.Add((job.ScheduleId!.Value, job.OccurrenceUtc!.Value.ToUniversalTime())))
            {
                return new JobOccurrenceExistsException(job.ScheduleId.Value, job.OccurrenceUtc.Value);
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        foreach (var job in scheduled)
        {
            var found = await Pg.Command(connection, null, "SELECT 1 FROM queue_jobs WHERE schedule_id = $1 AND occurrence_utc = $2", job.ScheduleId, Pg.Utc(job.OccurrenceUtc!.Value))
                .ScalarAsync(ct).ConfigureAwait(false);
            if (found is not null)
            {
                return new JobOccurrenceExistsException(job.ScheduleId!.Value, job.OccurrenceUtc.Value);
            }
        }

        return null;
    }
}
