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

    private const string RunningSql = "SELECT code, running_job FROM queue_categories WHERE code = ANY($1::text[]) AND running_job IS NOT NULL";

    private const string InsertSql =
        "INSERT INTO queue_jobs (id, report_id, description, shop_code, category_code, priority, status, earliest_start, " +
        "expiration, max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, created_at, updated_at, " +
        "schedule_id, occurrence_utc, accepted_status, foreground, event_seq, trace_parent) " +
        "SELECT u.id, u.report, u.description, u.shop, u.category, u.priority, u.status, u.earliest, u.expiration, u.max_attempts, 0, " +
        "u.rerun, u.timeout, u.filters, u.options, u.created_by, u.created, u.created, u.schedule, u.occurrence, u.status, u.foreground, " +
        "u.seq, u.trace FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::integer[], " +
        "$8::timestamptz[], $9::timestamptz[], $10::integer[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::text[], " +
        "$16::timestamptz[], $17::uuid[], $18::timestamptz[], $19::boolean[], $20::bigint[], $21::text[]) WITH ORDINALITY " +
        "AS u(id, report, description, shop, category, priority, status, earliest, expiration, max_attempts, rerun, timeout, filters, " +
        "options, created_by, created, schedule, occurrence, foreground, seq, trace, ord) ORDER BY u.ord RETURNING id, entry_no";

    public static async Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(PgSession session, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        var categories = jobs.Select(j => j.Job.CategoryCode).Distinct(StringComparer.Ordinal).ToArray();
        await session.Command(CategoriesSql, [categories]).ExecuteAsync(ct).ConfigureAwait(false);
        var running = (await session.Command(RunningSql, [categories]).ListAsync(r => (Code: r.GetString(0), Id: r.GetGuid(1)), ct).ConfigureAwait(false))
            .ToDictionary(r => r.Code, r => r.Id, StringComparer.Ordinal);
        var blocking = new Guid?[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i].Job;
            if (job.Status == JobStatus.Ready && job.EarliestStart <= job.CreatedAt && running.TryGetValue(job.CategoryCode, out var id))
            {
                blocking[i] = id;
            }
        }

        var n = jobs.Count;
        T[] Map<T>(Func<int, Job, T> f) => Enumerable.Range(0, n).Select(i => f(i, jobs[i].Job)).ToArray();
        var numbers = await session.Command(
            InsertSql,
            Map((_, j) => j.Id),
            Map((_, j) => j.ReportId),
            Map((_, j) => j.Description),
            Map((_, j) => j.ShopCode),
            Map((_, j) => j.CategoryCode),
            Map((_, j) => j.Priority),
            Map((i, j) => (int)(blocking[i] is null ? j.Status : JobStatus.Waiting)),
            Map((_, j) => Pg.Utc(j.EarliestStart)),
            Map((_, j) => j.Expiration is { } e ? Pg.Utc(e) : (DateTimeOffset?)null),
            Map((_, j) => j.MaxAttempts),
            Map((_, j) => (long)j.RerunDelay.TotalMilliseconds),
            Map((_, j) => (long)j.Timeout.TotalMilliseconds),
            Map((_, j) => ParameterCodec.EncodeFilters(j.Filters)),
            Map((_, j) => ParameterCodec.EncodeOptions(j.Options)),
            Map((_, j) => j.CreatedBy),
            Map((_, j) => Pg.Utc(j.CreatedAt)),
            Map((_, j) => j.ScheduleId),
            Map((_, j) => j.OccurrenceUtc is { } o ? Pg.Utc(o) : (DateTimeOffset?)null),
            Enumerable.Range(0, n).Select(i => jobs[i].Foreground).ToArray(),
            Map((i, _) => blocking[i] is null ? 1L : 2L),
            Map((_, j) => j.TraceParent)).ListAsync(r => (Id: r.GetGuid(0), EntryNo: r.GetInt64(1)), ct).ConfigureAwait(false);
        var entryNumbers = numbers.ToDictionary(r => r.Id, r => r.EntryNo);

        var stored = new Job[n];
        var events = new List<QueueEvent>(n);
        for (var i = 0; i < n; i++)
        {
            var (job, foreground) = (jobs[i].Job, jobs[i].Foreground);
            var waits = blocking[i] is not null;
            var status = waits ? JobStatus.Waiting : job.Status;
            var entryNo = entryNumbers[job.Id];
            stored[i] = job with { EntryNo = entryNo, Status = status, Attempts = 0, UpdatedAt = job.CreatedAt, LastEventSequence = waits ? 2 : 1 };
            events.Add(new QueueEvent(new JobEvent(job.Id, 1, job.CreatedAt, new JobAccepted(entryNo, status, foreground)), job.ShopCode, job.CategoryCode, job.ReportId));
            if (blocking[i] is { } blockingId)
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
