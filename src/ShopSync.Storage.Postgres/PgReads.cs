using System.Text;
using Npgsql;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;
using ShopSync.Storage.Queries;

namespace ShopSync.Storage.Postgres;

/// <summary>Reads on pooled connections, outside any write transaction.</summary>
internal sealed class PgReads(NpgsqlDataSource dataSource, PostgresStoreOptions options)
{
    private const string LogColumns =
        "id, job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, end_time, " +
        "result, error_message, error_detail, pages, done, failed, skipped, filters, options, node";

    public Task<Job?> GetAsync(Guid jobId, CancellationToken ct) =>
        WithAsync(c => Pg.Command(c, null, "SELECT " + PgJobReader.Columns + " FROM queue_jobs WHERE id = $1", jobId).SingleAsync(PgJobReader.Read, ct), ct);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken ct)
    {
        var size = PageSizes.Resolve(query.PageSize);
        var values = new List<object?> { PageToken.Decode(query.PageToken) ?? 0L };
        var sql = new StringBuilder("SELECT ").Append(PgJobReader.Columns).Append(" FROM queue_jobs WHERE entry_no > $1");
        if (query.Statuses.Count > 0)
        {
            values.Add(query.Statuses.Select(s => (int)s).ToArray());
            sql.Append(" AND status = ANY($").Append(values.Count).Append(')');
        }

        Filter(sql, values, "category_code", query.CategoryCode);
        Filter(sql, values, "shop_code", query.ShopCode);
        if (query.ReportId != 0)
        {
            values.Add(query.ReportId);
            sql.Append(" AND report_id = $").Append(values.Count);
        }

        PgJobConditions.AddSearch(sql, values, query.Text);
        PgJobConditions.AddShops(sql, values, query.Shops);
        values.Add(size + 1);
        sql.Append(" ORDER BY entry_no LIMIT $").Append(values.Count);
        return WithAsync(
            async c =>
            {
                var jobs = await Pg.Command(c, null, sql.ToString(), [.. values]).ListAsync(PgJobReader.Read, ct).ConfigureAwait(false);
                if (jobs.Count <= size)
                {
                    return new JobPage(jobs, string.Empty);
                }

                jobs.RemoveAt(size);
                return new JobPage(jobs, PageToken.Encode(jobs[^1].EntryNo));
            },
            ct);
    }

    public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken ct)
    {
        var size = PageSizes.Resolve(query.PageSize);
        var values = new List<object?> { PageToken.Decode(query.PageToken) ?? long.MaxValue };
        var sql = new StringBuilder("SELECT ").Append(LogColumns).Append(" FROM queue_job_log WHERE id < $1");
        if (query.JobId is { } jobId)
        {
            values.Add(jobId);
            sql.Append(" AND job_id = $").Append(values.Count);
        }

        Filter(sql, values, "shop_code", query.ShopCode);
        if (query.ReportId != 0)
        {
            values.Add(query.ReportId);
            sql.Append(" AND report_id = $").Append(values.Count);
        }

        if (query.ErrorsOnly)
        {
            sql.Append(" AND result IN (3, 5)");
        }

        values.Add(size + 1);
        sql.Append(" ORDER BY id DESC LIMIT $").Append(values.Count);
        return WithAsync(
            async c =>
            {
                var entries = await Pg.Command(c, null, sql.ToString(), [.. values]).ListAsync(ReadLog, ct).ConfigureAwait(false);
                if (entries.Count <= size)
                {
                    return new JobLogPage(entries, string.Empty);
                }

                entries.RemoveAt(size);
                return new JobLogPage(entries, PageToken.Encode(entries[^1].Id));
            },
            ct);
    }

    public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken ct) =>
        WithAsync<IReadOnlyList<JobEvent>>(
            async c =>
            {
                var events = new List<JobEvent>();
                if (afterSequence < 1)
                {
                    var accepted = await Pg.Command(c, null, "SELECT entry_no, accepted_status, foreground, created_at FROM queue_jobs WHERE id = $1", jobId)
                        .ListAsync(r => JobAccepted.Of(jobId, r.GetInt64(0), (JobStatus)r.GetInt32(1), PgJobReader.Time(r, 3), r.GetBoolean(2)), ct)
                        .ConfigureAwait(false);
                    if (accepted.Count == 0)
                    {
                        return events;
                    }

                    events.Add(accepted[0]);
                }

                var stored = await Pg.Command(
                    c, null, "SELECT seq, time, kind, data FROM queue_job_events WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                    jobId, Math.Max(afterSequence, 1), Math.Max(1, limit - events.Count))
                    .ListAsync(r => new JobEvent(jobId, r.GetInt64(0), PgJobReader.Time(r, 1), EventCodec.Decode(r.GetInt32(2), r.GetString(3))), ct)
                    .ConfigureAwait(false);
                events.AddRange(stored);
                return events;
            },
            ct);

    /// <summary>
    /// Lapsed leases, on the database clock unless configured otherwise. Rows another node is recovering right now
    /// (locked by its completion) are skipped rather than waited for; the recovery itself is the fenced completion.
    /// </summary>
    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        var clock = options.UseDatabaseClock ? "clock_timestamp()" : "$1";
        var sql = "SELECT " + PgJobReader.Columns + " FROM queue_jobs WHERE status = 4 AND lease_expires_at < " + clock +
            " ORDER BY lease_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED";
        return WithAsync<IReadOnlyList<Job>>(async c => await Pg.Command(c, null, sql, Pg.Utc(now), limit).ListAsync(PgJobReader.Read, ct).ConfigureAwait(false), ct);
    }

    /// <summary>One probe per category: the categories table is small; the EXISTS uses ix_queue_jobs_queued.</summary>
    public Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken ct) =>
        WithAsync<IReadOnlyList<string>>(
            async c => await Pg.Command(
                c, null,
                "SELECT code FROM queue_categories c WHERE EXISTS (SELECT 1 FROM queue_jobs j WHERE j.category_code = c.code AND j.status IN (2, 3)) ORDER BY code")
                .ListAsync(r => r.GetString(0), ct).ConfigureAwait(false),
            ct);

    /// <summary>Runs <paramref name="read"/> on a pooled connection.</summary>
    public async Task<T> WithAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    private static JobLogEntry ReadLog(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        JobId = r.GetGuid(1),
        EntryNo = r.GetInt64(2),
        ReportId = r.GetInt32(3),
        Description = r.GetString(4),
        ShopCode = r.GetString(5),
        CategoryCode = r.GetString(6),
        Attempt = r.GetInt32(7),
        StartTime = PgJobReader.Time(r, 8),
        EndTime = PgJobReader.NullableTime(r, 9),
        Result = (JobResult)r.GetInt32(10),
        ErrorMessage = r.IsDBNull(11) ? null : r.GetString(11),
        ErrorDetail = r.IsDBNull(12) ? null : r.GetString(12),
        Counters = new JobCounters(r.GetInt64(13), r.GetInt64(14), r.GetInt64(15), r.GetInt64(16)),
        Filters = ParameterCodec.DecodeFilters(r.GetString(17)),
        Options = ParameterCodec.DecodeOptions(r.GetString(18)),
        Node = r.GetString(19),
    };


    private static void Filter(StringBuilder sql, List<object?> values, string column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(value);
            sql.Append(" AND ").Append(column).Append(" = $").Append(values.Count);
        }
    }
}
