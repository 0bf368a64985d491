using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Health;
using ShopSync.Storage.Health;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// <see cref="ITaskHealthReader"/> over <c>queue_job_log</c> on PostgreSQL, with the same fold as on SQLite: a first
/// full read, then only the rows after the newest seen and the rows that were running. A log purge on any node bumps
/// <c>queue_log_generation</c>, and the fold starts again.
/// </summary>
internal sealed class PostgresTaskHealthReader(PostgresJobStore store) : ITaskHealthReader
{
    private const string Columns =
        "l.shop_code, l.id, l.job_id, l.report_id, l.description, l.attempt, l.end_time, l.result, l.error_message, " +
        "j.status, j.progress_percent, j.progress_message, j.pages, j.done, j.failed, j.skipped, " +
        "CASE WHEN l.end_time IS NULL THEN (SELECT MAX(m.id) FROM queue_job_log m WHERE m.job_id = l.job_id) END";

    private const string From = " FROM queue_job_log l LEFT JOIN queue_jobs j ON l.end_time IS NULL AND j.id = l.job_id ";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private LogFold _fold = new();
    private long _foldedGeneration;

    public async Task<IReadOnlyList<ShopTaskHealth>> ReadAsync(IReadOnlyList<string> shopCodes, DateTimeOffset? failedSince, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            var since = failedSince?.UtcTicks;
            return shopCodes.Select(code => _fold.Shop(code).Snapshot(_fold.RunningOf(code), since)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<FailedRunPage> ListFailedRunsAsync(string shopCode, DateTimeOffset? failedSince, long? beforeId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        IReadOnlyList<long> ids;
        long total;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            (ids, total) = _fold.Shop(shopCode).FailedIds(failedSince?.UtcTicks, beforeId, pageSize + 1);
        }
        finally
        {
            _gate.Release();
        }

        var page = ids.Take(pageSize).ToList();
        if (page.Count == 0)
        {
            return new FailedRunPage([], null, total);
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var runs = await Pg.Command(
            connection, null,
            "SELECT id, job_id, report_id, description, attempt, end_time, error_message FROM queue_job_log WHERE id = ANY($1) ORDER BY id DESC",
            [page.ToArray()])
            .ListAsync(r => new FailedRun(r.GetInt64(0), r.GetGuid(1), r.GetInt32(2), r.GetString(3), r.GetInt32(4), PgJobReader.Time(r, 5), r.IsDBNull(6) ? string.Empty : r.GetString(6)), cancellationToken);
        return new FailedRunPage(runs, ids.Count > pageSize ? page[^1] : null, total);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the generation and both reads, so a run cannot finish between them.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var generation = (long)(await Pg.Command(connection, transaction, "SELECT generation FROM queue_log_generation").ScalarAsync(cancellationToken))!;
        if (generation != _foldedGeneration)
        {
            _fold = new LogFold();
            _foldedGeneration = generation;
        }

        var rows = await Pg.Command(connection, transaction, "SELECT " + Columns + From + "WHERE l.id > $1 ORDER BY l.id", _fold.MaxSeenId)
            .ListAsync(Read, cancellationToken);
        if (_fold.RunningIds.Count > 0)
        {
            rows.AddRange(await Pg.Command(connection, transaction, "SELECT " + Columns + From + "WHERE l.id = ANY($1)", [_fold.RunningIds.ToArray()])
                .ListAsync(Read, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        _fold.Apply(rows);
    }

    private static (string, LogRow) Read(NpgsqlDataReader r)
    {
        var id = r.GetInt64(1);
        var endTicks = r.IsDBNull(6) ? (long?)null : PgJobReader.Time(r, 6).UtcTicks;
        var running = endTicks is null && !r.IsDBNull(9) && r.GetInt32(9) == (int)JobStatus.InProcess && !r.IsDBNull(16) && r.GetInt64(16) == id;
        var progress = running
            ? new JobProgress(
                r.IsDBNull(10) ? -1 : r.GetInt32(10), r.IsDBNull(11) ? string.Empty : r.GetString(11),
                new JobCounters(r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetInt64(15)))
            : JobProgress.None;
        return (r.GetString(0), new LogRow(
            id, r.GetGuid(2), r.GetInt32(3), r.GetString(4), r.GetInt32(5), endTicks,
            (JobResult)r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), running, progress));
    }
}
