using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Status;
using ShopSync.Connector.Sync;
using ShopSync.Queue.Storage;
using ShopSync.Queue;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;
using ShopSync.Testing;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>
/// One sync task run in process against the sandbox store: no Kestrel (the Shopify client's HTTP handler hands each
/// request to the sandbox), no dispatcher (the handler is called as the dispatcher calls it), a real SQLite
/// connector database, and a fake clock shared by the connector and the sandbox.
/// </summary>
internal sealed class SyncTaskHarness : IAsyncDisposable
{
    public const string ShopCode = "TEST";

    /// <summary>The shop's Shopify URL: any URL reaches the sandbox, through <see cref="SandboxMessageHandler"/>.</summary>
    public static readonly Uri ShopUrl = new("http://127.0.0.1:9/sandbox/test");

    private readonly TempDirectory _directory;
    private readonly ServiceProvider _services;

    private SyncTaskHarness(TempDirectory directory, ServiceProvider services, SandboxStore store, FakeTimeProvider clock, FaultAfterRequests faults)
    {
        _directory = directory;
        _services = services;
        Store = store;
        Clock = clock;
        Faults = faults;
    }

    public SandboxStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public FaultAfterRequests Faults { get; }

    public IServiceProvider Services => _services;

    /// <param name="sandbox">The sandbox store's seed data and limits.</param>
    /// <param name="shop">The test shop's settings.</param>
    /// <param name="clientAttempts">
    /// Attempts per Shopify call. One by default, so a fault reaches the task at once; more for a test of the client's
    /// own retry (its backoff is zero, as the fake clock does not move by itself).
    /// </param>
    public static async Task<SyncTaskHarness> CreateAsync(SandboxOptions? sandbox = null, ShopChanges? shop = null, int clientAttempts = 1)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        var options = sandbox ?? new SandboxOptions();
        // The fake clock does not move by itself: a bucket that never runs dry keeps the client from waiting on it.
        options.BucketSize = 1_000_000;
        options.RestoreRate = 1_000_000;
        options.TimeProvider = clock;
        var store = new SandboxStore(options);
        var faults = new FaultAfterRequests(store);
        var directory = new TempDirectory("shopsync-task");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddShopSyncShops($"Data Source={directory.File("connector.db")};Default Timeout=60")
            .AddConnectorStatus()
            .AddShopSyncQueue()
            .AddShopSyncTasks(client: o => (o.MaxAttempts, o.BaseRetryDelay) = (clientAttempts, TimeSpan.Zero));
        services.AddHttpClient("ShopSync.Shopify").ConfigurePrimaryHttpMessageHandler(() => faults.Wrap(new SandboxMessageHandler(store)));
        var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContextAsync())
        {
            await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(), CancellationToken.None);
        }

        await provider.GetRequiredService<IShopRegistry>().CreateAsync(ShopCode, (shop ?? new ShopChanges()) with
        {
            ShopifyUrl = ShopUrl.ToString(),
            AccessToken = options.AccessToken,
            AllowBackgroundSyncs = false,
        }, CancellationToken.None);
        return new SyncTaskHarness(directory, provider, store, clock, faults);
    }

    public ErpBook Book() => _services.GetRequiredService<ErpBook>();

    public Task UpdateShopAsync(ShopChanges changes) =>
        _services.GetRequiredService<IShopRegistry>().UpdateAsync(ShopCode, changes, CancellationToken.None);

    /// <summary>Mutations of <paramref name="operation"/> the store answered with 200.</summary>
    public int Mutations(string operation) => Store.Requests.Count(r => r.OperationName == operation && r.Status == 200);

    public async Task<long> CueAsync(StatusCue cue) =>
        (await _services.GetRequiredService<ConnectorCueCounter>().CountAsync(ShopCode, CancellationToken.None))[cue];

    /// <summary>
    /// Runs a task once, as attempt <paramref name="attempt"/> resuming from <paramref name="checkpoint"/>. With
    /// <paramref name="stopAfterDone"/>, the run is cancelled once that many records are done (a shutdown or a crash
    /// part-way); it then ends with the cancellation as its error.
    /// </summary>
    public async Task<TaskRun> RunAsync(
        int reportId, IReadOnlyDictionary<string, string>? filters = null, string? checkpoint = null, int attempt = 1,
        IReadOnlyDictionary<string, string>? options = null, int? stopAfterDone = null)
    {
        var handler = _services.GetServices<IReportHandler>().Single(h => h.Definition.ReportId == reportId);
        var now = Clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.NewGuid(),
            EntryNo = 1,
            ReportId = reportId,
            ShopCode = ShopCode,
            CategoryCode = "SHPFY",
            Status = JobStatus.InProcess,
            Attempts = attempt,
            MaxAttempts = attempt,
            Filters = [.. (filters ?? new Dictionary<string, string>()).Select(f => new RequestPageFilter(f.Key, f.Value))],
            Options = [.. (options ?? new Dictionary<string, string>()).Select(o => new RequestPageOption(o.Key, o.Value))],
            Checkpoint = checkpoint,
            CreatedAt = now,
            UpdatedAt = now,
            StartedAt = now,
        };
        using var stop = new CancellationTokenSource();
        var progress = new TaskProgress { OnDone = done => { if (stopAfterDone is { } limit && done >= limit) { stop.Cancel(); } } };
        await using var scope = _services.CreateAsyncScope();
        var context = new ReportContext(job, progress, scope.ServiceProvider, NullLogger.Instance, Clock, stop.Token);
        try
        {
            var outcome = await handler.RunAsync(context, stop.Token);
            return new TaskRun(outcome, null, progress);
        }
        catch (OperationCanceledException error) when (stop.IsCancellationRequested)
        {
            return new TaskRun(null, error, progress);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The dispatcher records this as a failed attempt; a retry gets the checkpoint saved so far.
            return new TaskRun(null, error, progress);
        }
    }

    public ConnectorDbContext OpenDb() => _services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
