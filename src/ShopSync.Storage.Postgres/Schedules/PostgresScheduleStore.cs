using Npgsql;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Postgres.Migrations;
using static ShopSync.Storage.Schedules.ScheduleRowMapper;

namespace ShopSync.Storage.Postgres.Schedules;

/// <summary>
/// <see cref="IScheduleStore"/> on PostgreSQL, beside the job queue in one database, so every node reads and writes
/// the same schedules. The decisive writes are conditional on the version (an UPDATE that waits for a concurrent one
/// re-checks it and changes nothing); recording a queued occurrence is <c>ON CONFLICT DO NOTHING</c>. No leader and
/// no savepoints: each batch is one plain transaction.
/// </summary>
internal sealed partial class PostgresScheduleStore(NpgsqlDataSource dataSource) : IScheduleStore
{
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await PostgresMigrator.MigrateAsync(dataSource, ScheduleSchema.HistoryTable, ScheduleSchema.Migrations, cancellationToken)
                    .ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    public async Task InsertAsync(StoredSchedule schedule, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Pg.Command(connection, null, ScheduleColumns.InsertSql, ScheduleColumns.Values(ToRow(schedule)))
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSchedule?> FindAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {ScheduleColumns.List} FROM schedules WHERE id = $1", [scheduleId], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<SchedulePage> ListAsync(ScheduleQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var values = new List<object?>();
        if (!string.IsNullOrEmpty(query.ShopCode))
        {
            values.Add(query.ShopCode);
            where.Add($"shop_code = ${values.Count}");
        }
        if (query.ReportId != 0)
        {
            values.Add(query.ReportId);
            where.Add($"report_id = ${values.Count}");
        }
        if (query.After is { } after)
        {
            values.Add(after);
            where.Add($"id > ${values.Count}");
        }
        var size = Math.Clamp(query.PageSize, 1, 1000);
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var page = await QueryAsync($"SELECT {ScheduleColumns.List} FROM schedules{filter} ORDER BY id LIMIT {size + 1}", [.. values], cancellationToken)
            .ConfigureAwait(false);
        return new SchedulePage(page.Take(size).ToList(), page.Count > size);
    }

    public async Task<bool> TryReplaceAsync(StoredSchedule schedule, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        object?[] values = [.. ScheduleColumns.Values(ToRow(schedule)), expectedVersion];
        return await Pg.Command(connection, null, ScheduleColumns.ReplaceSql, values).ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> DeleteAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One statement: the occurrences and the schedule go together.
        const string sql = "WITH gone AS (DELETE FROM schedule_occurrences WHERE schedule_id = $1) DELETE FROM schedules WHERE id = $1";
        return await Pg.Command(connection, null, sql, scheduleId).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public Task<IReadOnlyList<StoredSchedule>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {ScheduleColumns.List} FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL AND next_occurrence <= $1 " +
            "ORDER BY next_occurrence LIMIT $2",
            [Pg.Utc(now), max],
            cancellationToken);

    public Task<IReadOnlyList<StoredSchedule>> ListDueAsync(DateTimeOffset after, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {ScheduleColumns.List} FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL AND next_occurrence > $1 " +
            "AND next_occurrence <= $2 ORDER BY next_occurrence LIMIT $3",
            [Pg.Utc(after), Pg.Utc(until), max],
            cancellationToken);

    public Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken) =>
        InstantAsync("SELECT min(next_occurrence) FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL", [], cancellationToken);

    public Task<DateTimeOffset?> EarliestDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        InstantAsync(
            "SELECT min(next_occurrence) FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL AND next_occurrence > $1",
            [Pg.Utc(after)],
            cancellationToken);

    public async Task<IReadOnlyList<PendingOccurrence>> ListPendingAsync(IReadOnlyCollection<Guid>? scheduleIds, CancellationToken cancellationToken)
    {
        if (scheduleIds is { Count: 0 })
        {
            return [];
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = scheduleIds is null
            ? Pg.Command(connection, null, "SELECT schedule_id, occurrence_utc, job_id FROM schedule_occurrences ORDER BY schedule_id, occurrence_utc")
            : Pg.Command(
                connection,
                null,
                "SELECT schedule_id, occurrence_utc, job_id FROM schedule_occurrences WHERE schedule_id = ANY($1) ORDER BY schedule_id, occurrence_utc",
                scheduleIds.ToArray());
        return await command.ListAsync(r => new PendingOccurrence(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetGuid(2)), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<Guid?> FindOccurrenceJobAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken)
    {
        // The queue's own table in the same database, read-only, by its unique (schedule_id, occurrence_utc) index.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await Pg.Command(connection, null, "SELECT id FROM queue_jobs WHERE schedule_id = $1 AND occurrence_utc = $2", scheduleId, Pg.Utc(occurrenceUtc))
            .ScalarAsync(cancellationToken).ConfigureAwait(false);
        return found is Guid id ? id : null;
    }

    private async Task<IReadOnlyList<StoredSchedule>> QueryAsync(string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Pg.Command(connection, null, sql, values).ListAsync(ScheduleColumns.Read, cancellationToken).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    private async Task<DateTimeOffset?> InstantAsync(string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Pg.Command(connection, null, sql, values)
            .ListAsync(r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
