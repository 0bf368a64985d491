using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopSync.Queue.Audit;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Postgres.Migrations;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// The PostgreSQL driver of <see cref="IJobStore"/>: raw Npgsql on a pooled data source, one READ COMMITTED
/// transaction per call, no savepoints. Several nodes share one database: claims lock category rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, completions are fenced by the run's token, leases run on the database clock.
/// </summary>
internal sealed partial class PostgresJobStore : IJobStore, IDisposable
{
    private const int MaxDeadlockRetries = 3;

    private readonly PostgresStoreOptions _options;
    private readonly ILogger<PostgresJobStore> _logger;
    private readonly TimeProvider _time;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PgReads _reads;
    private readonly PgGroupCommit<PgCompletionWrite, CompletionResult> _completions;
    private readonly PgGroupCommit<PgInsertWrite, StoreResult<IReadOnlyList<Job>>> _inserts;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresJobStore(IOptions<PostgresStoreOptions> options, ILogger<PostgresJobStore> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        _dataSource = NpgsqlDataSource.Create(WithPoolSettings(_options.ConnectionString));
        _reads = new PgReads(_dataSource, _options);
        _completions = new PgGroupCommit<PgCompletionWrite, CompletionResult>(
            group => CompleteTogetherAsync(group, CancellationToken.None),
            w => CompleteAloneAsync(w.Completion, w.ClaimNext, CancellationToken.None),
            PgGroupedCompletions.NewGroup);
        _inserts = new PgGroupCommit<PgInsertWrite, StoreResult<IReadOnlyList<Job>>>(
            group => InsertTogetherAsync(group, CancellationToken.None),
            w => InsertAloneAsync(w.Jobs, w.Audit, CancellationToken.None),
            PgGroupedInserts.NewGroup);
    }

    /// <summary>
    /// Two settings for a queue that runs a few dozen statements thousands of times, unless the connection string sets
    /// them: Npgsql prepares each statement on a connection after its fifth use (<c>Max Auto Prepare=64</c>), so
    /// PostgreSQL parses and plans it once per connection rather than once per call; and a connection returned to the
    /// pool is not reset (<c>No Reset On Close=true</c>). With prepared statements the reset is seven statements
    /// (<c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all();
    /// DISCARD SEQUENCES; DISCARD TEMP</c>) that PostgreSQL would run before every transaction, for state this store
    /// never leaves on a pooled connection: it sets no session settings, opens no cursors or temporary tables, listens
    /// on a connection of its own (<see cref="Feed.PgFeedListener"/>), and the migrator releases its advisory lock itself.
    /// </summary>
    internal static string WithPoolSettings(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers true for every keyword it knows, set or not; the plain
        // builder holds only the keys the string gives (spaces in a keyword are optional to Npgsql).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(builder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains(nameof(builder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The pooled data source (the node heartbeat shares it).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

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
                var applied = await Guard(() => PostgresMigrator.MigrateAsync(_dataSource, cancellationToken)).ConfigureAwait(false);
                var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
                LogInitialized(_logger, builder.Host ?? string.Empty, builder.Database ?? string.Empty, applied);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>
    /// Enqueues go through the group commit (<see cref="PgGroupedInserts"/>): concurrent calls' entries are inserted
    /// in one transaction, each call's audit record with them.
    /// </summary>
    public Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return Task.FromResult(new StoreResult<IReadOnlyList<Job>>([], []));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _inserts.WriteAsync(new PgInsertWrite(jobs, AuditScope.Current));
    }

    /// <summary>How many enqueue calls the group commit wrote in groups of more than one.</summary>
    internal long InsertsWrittenInGroups => _inserts.WrittenInGroups;

    /// <summary>Several calls' entries in one transaction: each call's result, in their order.</summary>
    internal async Task<IReadOnlyList<StoreResult<IReadOnlyList<Job>>>> InsertTogetherAsync(IReadOnlyList<PgInsertWrite> group, CancellationToken cancellationToken)
    {
        var audits = group.Where(w => w.Audit is not null).Select(w => w.Audit!).ToList();
        var all = await Write(
            s => PgInserts.InsertAsync(s, group.SelectMany(w => w.Jobs).ToList(), cancellationToken), audits, cancellationToken, nameof(InsertAsync)).ConfigureAwait(false);
        return PgGroupedInserts.Split(group, all);
    }

    private async Task<StoreResult<IReadOnlyList<Job>>> InsertAloneAsync(IReadOnlyList<NewJob> jobs, AuditRecord? audit, CancellationToken cancellationToken)
    {
        try
        {
            return await Write(s => PgInserts.InsertAsync(s, jobs, cancellationToken), audit, cancellationToken, nameof(InsertAsync)).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "ux_queue_jobs_occurrence")
        {
            throw await PgInserts.FindDuplicateOccurrenceAsync(_dataSource, jobs, cancellationToken).ConfigureAwait(false) ?? (Exception)ex;
        }
    }

    public Task<StoreResult<IReadOnlyList<CategoryClaim>>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        Write(
            async s =>
            {
                var events = new List<QueueEvent>();
                var claims = await PgClaims.ClaimAsync(s, request, events, cancellationToken).ConfigureAwait(false);
                return new StoreResult<IReadOnlyList<CategoryClaim>>(claims, events);
            },
            cancellationToken);

    /// <summary>
    /// Run ends go through the group commit (<see cref="PgGroupedCompletions"/>); one made inside an audited call is
    /// written on its own, so the call's record commits with it.
    /// </summary>
    public Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken) =>
        AuditScope.Current is null
            ? _completions.WriteAsync(new PgCompletionWrite(completion, claimNext))
            : CompleteAloneAsync(completion, claimNext, cancellationToken);

    /// <summary>How many run ends the group commit wrote in groups of more than one.</summary>
    internal long CompletionsWrittenInGroups => _completions.WrittenInGroups;

    /// <summary>Several completions in one transaction: the results in their order (see <see cref="PgGroupedCompletions"/>).</summary>
    internal async Task<IReadOnlyList<CompletionResult>> CompleteTogetherAsync(
        IReadOnlyList<PgCompletionWrite> group, CancellationToken cancellationToken)
    {
        var handOvers = await WriteCommitting(
            (s, records) => PgGroupedCompletions.CompleteAsync(s, group, records(), cancellationToken),
            Array.Empty<AuditRecord>(),
            cancellationToken,
            nameof(CompleteAsync)).ConfigureAwait(false);
        return await ClaimRestAsync(handOvers, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CompletionResult> CompleteAloneAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken)
    {
        var audit = AuditScope.Current;
        var handOver = await WriteCommitting(
            (s, records) => PgWrites.CompleteAsync(s, completion, claimNext, records(), cancellationToken),
            audit is null ? [] : [audit],
            cancellationToken,
            nameof(CompleteAsync)).ConfigureAwait(false);
        return (await ClaimRestAsync([handOver], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Claims, in one transaction of their own after the run ends committed, the categories their fast claims did not
    /// take (busy elsewhere, nothing due, an expired head), and completes the results. The run ends stay accepted
    /// whatever happens here: if this transaction fails, each such category is answered Empty and due again in a
    /// second, so the dispatcher asks again then (as when it loses a claim).
    /// </summary>
    private async Task<IReadOnlyList<CompletionResult>> ClaimRestAsync(IReadOnlyList<PgHandOver> handOvers, CancellationToken cancellationToken)
    {
        var rest = PgGroupedCompletions.Merge(handOvers.Select(h => h.Rest));
        var outcomes = new Dictionary<string, CategoryClaim>(StringComparer.Ordinal);
        IReadOnlyList<QueueEvent> events = [];
        if (rest is not null)
        {
            try
            {
                var claimed = await Write(
                    async s =>
                    {
                        var written = new List<QueueEvent>();
                        var claims = await PgClaims.ClaimEachAsync(s, rest, written, cancellationToken).ConfigureAwait(false);
                        return new StoreResult<IReadOnlyList<CategoryClaim>>(claims, written);
                    },
                    Array.Empty<AuditRecord>(),
                    cancellationToken,
                    nameof(ClaimAsync)).ConfigureAwait(false);
                events = claimed.Events;
                foreach (var claim in claimed.Value)
                {
                    outcomes[claim.CategoryCode] = claim;
                }
            }
            catch (Exception ex)
            {
                LogRestClaimFailed(_logger, ex, string.Join(", ", rest.Categories));
                foreach (var category in rest.Categories)
                {
                    outcomes[category] = new CategoryClaim(category, CategoryClaimStatus.Empty, null, 0, rest.Now + TimeSpan.FromSeconds(1));
                }
            }
        }

        return handOvers.Select(h => h.ToResult(outcomes, events)).ToList();
    }

    public Task<IReadOnlyList<QueueEvent>> MarkWaitingAsync(string categoryCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write<IReadOnlyList<QueueEvent>>(
            async s =>
            {
                var events = new List<QueueEvent>();
                await PgSlowClaims.MarkWaitingIfBusyAsync(s, categoryCode, now, events, cancellationToken).ConfigureAwait(false);
                return events;
            },
            cancellationToken);

    public Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(IReadOnlyList<ProgressWrite> writes, CancellationToken cancellationToken) =>
        Write(s => PgWrites.AppendProgressAsync(s, writes, cancellationToken), cancellationToken);

    public Task<bool> SaveCheckpointAsync(Guid jobId, long fencingToken, string checkpoint, CancellationToken cancellationToken) =>
        Write(s => PgWrites.SaveCheckpointAsync(s, jobId, fencingToken, checkpoint, cancellationToken), cancellationToken);

    public Task<LeaseRenewal> RenewLeasesAsync(LeaseRenewalRequest request, CancellationToken cancellationToken)
    {
        // The engine asks for "now + lease duration" on its clock; on the database clock the same duration is added to clock_timestamp().
        var leaseMs = (long)Math.Max(1, (request.LeaseExpiresAt - _time.GetUtcNow()).TotalMilliseconds);
        return Write(s => PgWrites.RenewAsync(s, request, leaseMs, cancellationToken), cancellationToken);
    }

    public Task<StoreResult<Job>?> ChangeAsync(JobChange change, CancellationToken cancellationToken) =>
        Write(s => PgWrites.ChangeAsync(s, change, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(Guid jobId, JobStatus expectedStatus, CancellationToken cancellationToken) =>
        Write(s => PgWrites.DeleteAsync(s, jobId, expectedStatus, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Read(() => _reads.FindExpiredLeasesAsync(now, limit, cancellationToken), cancellationToken);

    public Task<Job?> GetAsync(Guid jobId, CancellationToken cancellationToken) =>
        Read(() => _reads.GetAsync(jobId, cancellationToken), cancellationToken);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.ListAsync(query, cancellationToken), cancellationToken);

    public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken) =>
        Read(() => _reads.ListLogAsync(query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Read(() => _reads.ReadEventsAsync(jobId, afterSequence, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken cancellationToken) =>
        Read(() => _reads.FindQueuedCategoriesAsync(cancellationToken), cancellationToken);

    public void Dispose()
    {
        _dataSource.Dispose();
        _initLock.Dispose();
    }

    [LoggerMessage(EventId = 2104, EventName = "PostgresHandOverClaimFailed", Level = LogLevel.Warning, Message = "Run ends committed, but claiming {Categories} after them failed; asked again in a second")]
    private static partial void LogRestClaimFailed(ILogger logger, Exception exception, string categories);

    [LoggerMessage(EventId = 2101, EventName = "PostgresStoreInitialized", Level = LogLevel.Information, Message = "Job store ready: PostgreSQL {Host}/{Database} ({Applied} migrations applied)")]
    private static partial void LogInitialized(ILogger logger, string host, string database, int applied);
}
