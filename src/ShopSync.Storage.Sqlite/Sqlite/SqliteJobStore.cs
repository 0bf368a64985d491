using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Model;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// The SQLite driver of <see cref="IJobStore"/>: EF Core migrations create the schema; the hot path is raw
/// Microsoft.Data.Sqlite with prepared statements on one group-committing writer, reads on pooled connections.
/// </summary>
internal sealed partial class SqliteJobStore : IJobStore, IDisposable
{
    /// <summary>One span per store call; an exporter subscribes to it only when debugging.</summary>
    private static readonly System.Diagnostics.ActivitySource StoreSource = new(ShopSync.Queue.Telemetry.QueueTelemetry.StoreName);

    private readonly SqliteStoreOptions _options;
    private readonly ILogger<SqliteJobStore> _logger;
    private readonly string _connectionString;
    private readonly string _dataSource;
    private readonly SqliteReads _reads;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly JobLogPurges _logPurges;
    private SqliteWriter? _writer;

    public SqliteJobStore(IOptions<SqliteStoreOptions> options, ILogger<SqliteJobStore> logger, JobLogPurges? logPurges = null)
    {
        _logPurges = logPurges ?? new JobLogPurges();
        _options = options.Value;
        _logger = logger;
        var builder = new SqliteConnectionStringBuilder(_options.ConnectionString)
        {
            Pooling = true,
            DefaultTimeout = _options.BusyTimeoutSeconds,
        };
        _connectionString = builder.ToString();
        _dataSource = builder.DataSource;
        _reads = new SqliteReads(_connectionString);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return;
        }

        try
        {
            await InitializeCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is StorageUnavailableException unavailable)
        {
            throw unavailable;
        }
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is not null)
            {
                return;
            }

            await using (var connection = new SqliteConnection(_connectionString))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            var contextOptions = new DbContextOptionsBuilder<QueueDbContext>()
                .UseSqlite(_connectionString, o => o.MigrationsHistoryTable("__queue_migrations"))
                .Options;
            await using (var context = new QueueDbContext(contextOptions))
            {
                await ProcessMigrationLock.RunAsync(() => context.Database.MigrateAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            var writerConnection = new SqliteConnection(_connectionString);
            await writerConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var synchronous = _options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
            var checkpointPages = _options.WalAutoCheckpointPages.ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(
                writerConnection,
                $"PRAGMA synchronous={synchronous}; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{_options.WriterCacheMegabytes * 1024}; PRAGMA wal_autocheckpoint={checkpointPages};",
                cancellationToken).ConfigureAwait(false);
            _writer = new SqliteWriter(writerConnection, _options.MaxBatchSize, Translate, _logger);
            LogInitialized(_logger, writerConnection.DataSource, synchronous, SqliteProcessSettings.MemoryStatisticsOff ? "off" : "on");
        }
        finally
        {
            _initLock.Release();
        }
    }

    public async Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        // The single writer only stores; the result objects are built on the caller's thread.
        var inserted = await Write(s => InsertJobsCommand.Execute(s, jobs), cancellationToken).ConfigureAwait(false);
        return InsertJobsCommand.ToResult(jobs, inserted);
    }

    public async Task<KeyedInsertResult> InsertAsync(IReadOnlyList<NewJob> jobs, EnqueueKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(jobs.Count);
        var now = jobs[0].Job.CreatedAt;
        var (inserted, replayed) = await Write<(InsertedJobs? Rows, IReadOnlyList<Guid>? Existing)>(
            s =>
            {
                if (EnqueueKeyCommands.Find(s, key, now) is { } existing)
                {
                    return (null, existing);
                }

                var rows = InsertJobsCommand.Execute(s, jobs);
                EnqueueKeyCommands.Insert(s, key, jobs.Select(j => j.Job.Id).ToArray(), now);
                return (rows, null);
            },
            cancellationToken).ConfigureAwait(false);
        if (inserted is null)
        {
            return new KeyedInsertResult(null, replayed!);
        }

        var result = InsertJobsCommand.ToResult(jobs, inserted);
        return new KeyedInsertResult(result, result.Value.Select(j => j.Id).ToArray());
    }

    public Task<int> PurgeEnqueueKeysAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Write(s => EnqueueKeyCommands.Purge(s, now, limit), cancellationToken);
    }

    public Task<StoreResult<IReadOnlyList<CategoryClaim>>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        Write(s => ClaimCommand.Execute(s, request), cancellationToken);

    public Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken) =>
        Write(s => CompleteCommand.Execute(s, completion, claimNext), cancellationToken);

    public Task<IReadOnlyList<QueueEvent>> MarkWaitingAsync(string categoryCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write<IReadOnlyList<QueueEvent>>(
            s =>
            {
                var events = new List<QueueEvent>();
                ClaimCommand.MarkWaitingIfBusy(s, categoryCode, now, events);
                return events;
            },
            cancellationToken);

    public Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(IReadOnlyList<ProgressWrite> writes, CancellationToken cancellationToken) =>
        Write(s => ProgressCommands.AppendProgress(s, writes), cancellationToken);

    public Task<bool> SaveCheckpointAsync(Guid jobId, long fencingToken, string checkpoint, CancellationToken cancellationToken) =>
        Write(s => ProgressCommands.SaveCheckpoint(s, jobId, fencingToken, checkpoint), cancellationToken);

    public Task<LeaseRenewal> RenewLeasesAsync(LeaseRenewalRequest request, CancellationToken cancellationToken) =>
        Write(s => ProgressCommands.Renew(s, request), cancellationToken);

    public Task<StoreResult<Job>?> ChangeAsync(JobChange change, CancellationToken cancellationToken) =>
        Write(s => ChangeCommand.Execute(s, change), cancellationToken);

    public Task<bool> DeleteAsync(Guid jobId, JobStatus expectedStatus, CancellationToken cancellationToken) =>
        Write(s => ChangeCommand.Delete(s, jobId, expectedStatus), cancellationToken);

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Read(() => _reads.FindExpiredLeases(now, limit), cancellationToken);

    public Task<Job?> GetAsync(Guid jobId, CancellationToken cancellationToken) =>
        Read(() => _reads.Get(jobId), cancellationToken);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.List(query), cancellationToken);

    public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.ListLog(query), cancellationToken);

    public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Read(() => _reads.ReadEvents(jobId, afterSequence, limit), cancellationToken);

    public Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken cancellationToken) =>
        Read(() => _reads.FindQueuedCategories(), cancellationToken);

    public void Dispose()
    {
        _writer?.Dispose();
        _initLock.Dispose();
    }

    private async Task<T> Write<T>(Func<WriteSession, T> work, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        LogStoreCall(_logger, operation);
        using var activity = StoreSource.StartActivity(operation, System.Diagnostics.ActivityKind.Client);
        var writer = _writer;
        if (writer is null)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
            writer = _writer!;
        }

        return await writer.ExecuteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> Read<T>(Func<T> read, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        LogStoreCall(_logger, operation);
        using var activity = StoreSource.StartActivity(operation, System.Diagnostics.ActivityKind.Client);
        cancellationToken.ThrowIfCancellationRequested();
        if (_writer is null)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return read();
        }
        catch (SqliteException ex) when (Translate(ex) is StorageUnavailableException unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The provider's error as the engine's typed storage error (the original for anything else).</summary>
    private Exception Translate(Exception exception) =>
        SqliteFailures.Translate(exception, _dataSource, _options.BusyTimeoutSeconds) ?? exception;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, EventName = "StoreInitialized", Level = LogLevel.Information, Message = "Job store ready: SQLite {DataSource} (WAL, synchronous={Synchronous}, memory statistics {MemoryStatistics})")]
    private static partial void LogInitialized(ILogger logger, string dataSource, string synchronous, string memoryStatistics);

    /// <summary>Every database call at Trace level: the engine benchmark counts them to measure idle queries.</summary>
    [LoggerMessage(EventId = 2003, EventName = "StoreCall", Level = LogLevel.Trace, Message = "Store call {Operation}")]
    private static partial void LogStoreCall(ILogger logger, string operation);
}
