using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Scheduling;
using static ShopSync.Storage.Schedules.ScheduleRowMapper;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Schedules;

/// <summary>
/// <see cref="IScheduleStore"/> on SQLite: EF Core (<see cref="ScheduleDbContext"/>) owns the model, the migrations and
/// the simple reads and writes; the runner's batch writes (advance, settle) are plain commands in one transaction.
/// </summary>
internal sealed partial class SqliteScheduleStore : IScheduleStore
{
    private readonly DbContextOptions<ScheduleDbContext> _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteScheduleStore(string connectionString, bool writesAudit = true)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 }.ToString();
        _options = ScheduleDbContext.Options(_connectionString, writesAudit);
    }

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
                await using var db = Context();
                await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
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
        await using var db = Context();
        db.Schedules.Add(ToRow(schedule));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSchedule?> FindAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var id = Id(scheduleId);
        var row = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    public async Task<SchedulePage> ListAsync(ScheduleQuery query, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var rows = db.Schedules.AsNoTracking();
        if (!string.IsNullOrEmpty(query.ShopCode))
        {
            rows = rows.Where(r => r.ShopCode == query.ShopCode);
        }
        if (query.ReportId != 0)
        {
            rows = rows.Where(r => r.ReportId == query.ReportId);
        }
        if (query.After is { } after)
        {
            var afterId = Id(after);
            rows = rows.Where(r => string.Compare(r.Id, afterId) > 0);
        }
        var size = Math.Clamp(query.PageSize, 1, 1000);
        var page = await rows.OrderBy(r => r.Id).Take(size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var hasMore = page.Count > size;
        return new SchedulePage(page.Take(size).Select(FromRow).ToList(), hasMore);
    }

    public async Task<bool> TryReplaceAsync(StoredSchedule schedule, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var row = ToRow(schedule);
        var entry = db.Schedules.Attach(row);
        entry.State = EntityState.Modified;
        entry.Property(r => r.Version).OriginalValue = expectedVersion;
        try
        {
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var id = Id(scheduleId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Occurrences.Where(r => r.ScheduleId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Schedules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<StoredSchedule>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var ticks = now.UtcTicks;
        var rows = await db.Schedules.AsNoTracking()
            .Where(r => r.State == (int)ScheduleState.Active && r.NextOccurrence != null && r.NextOccurrence <= ticks)
            .OrderBy(r => r.NextOccurrence)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    public async Task<IReadOnlyList<StoredSchedule>> ListDueAsync(
        DateTimeOffset after, DateTimeOffset until, int max, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var from = after.UtcTicks;
        var to = until.UtcTicks;
        var rows = await db.Schedules.AsNoTracking()
            .Where(r => r.State == (int)ScheduleState.Active && r.NextOccurrence != null && r.NextOccurrence > from && r.NextOccurrence <= to)
            .OrderBy(r => r.NextOccurrence)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    public async Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_occurrence) FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL";
        return Instant(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?);
    }

    public async Task<DateTimeOffset?> EarliestDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The same partial index as EarliestDueAsync: a range seek.
        command.CommandText = "SELECT MIN(next_occurrence) FROM schedules WHERE state = 1 AND next_occurrence IS NOT NULL AND next_occurrence > $after";
        command.Parameters.AddWithValue("$after", after.UtcTicks);
        return Instant(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?);
    }

    public async Task<IReadOnlyList<PendingOccurrence>> ListPendingAsync(IReadOnlyCollection<Guid>? scheduleIds, CancellationToken cancellationToken)
    {
        await using var db = Context();
        var rows = db.Occurrences.AsNoTracking();
        if (scheduleIds is not null)
        {
            if (scheduleIds.Count == 0)
            {
                return [];
            }
            var ids = scheduleIds.Select(Id).ToList();
            rows = rows.Where(r => ids.Contains(r.ScheduleId));
        }
        var list = await rows.OrderBy(r => r.ScheduleId).ThenBy(r => r.OccurrenceUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
        return list.Select(r => new PendingOccurrence(Guid.Parse(r.ScheduleId), Instant(r.OccurrenceUtc)!.Value, Guid.Parse(r.JobId))).ToList();
    }

    public async Task<Guid?> FindOccurrenceJobAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken)
    {
        // The queue's own table, read-only, by its unique (schedule_id, occurrence_utc) index: the one question the
        // queue's API cannot answer (ALREADY_EXISTS carries no id).
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM queue_jobs WHERE schedule_id = $s AND occurrence_utc = $o";
        command.Parameters.AddWithValue("$s", scheduleId.ToByteArray());
        command.Parameters.AddWithValue("$o", occurrenceUtc.UtcTicks);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] id ? new Guid(id) : null;
    }

    private ScheduleDbContext Context() => new(_options);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
