using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Health;
using ShopSync.Storage.Codecs;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Health;

/// <summary>
/// <see cref="ITaskHealthReader"/> over <c>queue_job_log</c> (read-only). The log is folded once (a primary key range
/// scan on the first read), then each read fetches only the rows after the newest one seen and re-reads the rows that
/// were running, both by primary key, so a status read costs O(new rows), not O(history), for any number of shops.
/// </summary>
internal sealed class SqliteTaskHealthReader(IOptions<SqliteStoreOptions> options, JobLogPurges logPurges) : ITaskHealthReader
{
    private const string Columns =
        "l.shop_code, l.id, l.job_id, l.report_id, l.description, l.attempt, l.end_time, l.result, l.error_message, " +
        "j.status, j.progress_percent, j.progress_message, j.pages, j.done, j.failed, j.skipped, " +
        "CASE WHEN l.end_time IS NULL THEN (SELECT MAX(m.id) FROM queue_job_log m WHERE m.job_id = l.job_id) END";

    private const string From = " FROM queue_job_log l LEFT JOIN queue_jobs j ON l.end_time IS NULL AND j.id = l.job_id ";

    private readonly string _connectionString = options.Value.ConnectionString;
    private LogFold _fold = new();
    private long _foldedGeneration;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<ShopTaskHealth>> ReadAsync(
        IReadOnlyList<string> shopCodes, DateTimeOffset? failedSince, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            var since = failedSince is { } s ? TimeCodec.ToTicks(s) : (long?)null;
            return shopCodes.Select(code => _fold.Shop(code).Snapshot(_fold.RunningOf(code), since)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<FailedRunPage> ListFailedRunsAsync(
        string shopCode, DateTimeOffset? failedSince, long? beforeId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        IReadOnlyList<long> ids;
        long total;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            (ids, total) = _fold.Shop(shopCode).FailedIds(failedSince is { } since ? TimeCodec.ToTicks(since) : null, beforeId, pageSize + 1);
        }
        finally
        {
            _gate.Release();
        }
        var page = ids.Take(pageSize).ToList();
        var runs = page.Count == 0 ? [] : await ReadFailedAsync(page, cancellationToken);
        return new FailedRunPage(runs, ids.Count > pageSize ? page[^1] : null, total);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Retention deleted log rows: the fold (counts of failed runs, their ids) is rebuilt from what is left.
        var generation = logPurges.Generation;
        if (generation != _foldedGeneration)
        {
            _fold = new LogFold();
            _foldedGeneration = generation;
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // One read transaction: both statements see the same snapshot (WAL), so a run cannot finish between them.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var rows = new List<(string, LogRow)>();
        await using (var tail = connection.CreateCommand())
        {
            tail.Transaction = transaction;
            tail.CommandText = "SELECT " + Columns + From + "WHERE l.id > @after ORDER BY l.id";
            tail.Parameters.AddWithValue("@after", _fold.MaxSeenId);
            await ReadRowsAsync(tail, rows, cancellationToken);
        }
        if (_fold.RunningIds.Count > 0)
        {
            await using var running = connection.CreateCommand();
            running.Transaction = transaction;
            running.CommandText = "SELECT " + Columns + From + "WHERE l.id IN (" + IdList(running, _fold.RunningIds) + ")";
            await ReadRowsAsync(running, rows, cancellationToken);
        }
        _fold.Apply(rows);
    }

    private static async Task ReadRowsAsync(SqliteCommand command, List<(string, LogRow)> rows, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var id = r.GetInt64(1);
            var endTicks = r.IsDBNull(6) ? (long?)null : r.GetInt64(6);
            var running = endTicks is null && !r.IsDBNull(9) && r.GetInt32(9) == (int)JobStatus.InProcess && !r.IsDBNull(16) && r.GetInt64(16) == id;
            var progress = running
                ? new JobProgress(
                    r.IsDBNull(10) ? -1 : r.GetInt32(10), r.IsDBNull(11) ? string.Empty : r.GetString(11),
                    new JobCounters(r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetInt64(15)))
                : JobProgress.None;
            rows.Add((r.GetString(0), new LogRow(
                id, new Guid(r.GetFieldValue<byte[]>(2)), r.GetInt32(3), r.GetString(4), r.GetInt32(5), endTicks,
                (JobResult)r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), running, progress)));
        }
    }

    private async Task<IReadOnlyList<FailedRun>> ReadFailedAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, job_id, report_id, description, attempt, end_time, error_message FROM queue_job_log " +
            "WHERE id IN (" + IdList(command, ids) + ") ORDER BY id DESC";
        var runs = new List<FailedRun>(ids.Count);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            runs.Add(new FailedRun(
                r.GetInt64(0), new Guid(r.GetFieldValue<byte[]>(1)), r.GetInt32(2), r.GetString(3), r.GetInt32(4),
                TimeCodec.FromTicks(r.GetInt64(5)), r.IsDBNull(6) ? string.Empty : r.GetString(6)));
        }
        return runs;
    }

    private static string IdList(SqliteCommand command, IEnumerable<long> ids)
    {
        var sql = new StringBuilder();
        var i = 0;
        foreach (var id in ids)
        {
            var name = "@id" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i++ == 0 ? "" : ", ").Append(name);
            command.Parameters.AddWithValue(name, id);
        }
        return sql.ToString();
    }
}
