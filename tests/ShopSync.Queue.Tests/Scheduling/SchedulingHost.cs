using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Tests.Support;
using ShopSync.Storage;
using ShopSync.Storage.Schedules;
using ShopSync.Storage.Sqlite;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Scheduling;

/// <summary>One node: the real engine, schedule store and runner on a SQLite file, driven by a fake clock.</summary>
internal sealed class SchedulingHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private SchedulingHost(ServiceProvider services) => _services = services;

    public IJobQueue Queue => _services.GetRequiredService<IJobQueue>();

    public ScheduleManager Schedules => _services.GetRequiredService<ScheduleManager>();

    public static Task<SchedulingHost> StartAsync(string databaseFile, FakeTimeProvider time, params IReportHandler[] handlers) =>
        StartAsync(databaseFile, time, null, handlers);

    public static Task<SchedulingHost> StartAsync(
        string databaseFile, FakeTimeProvider time, TimeSpan? settleInterval, params IReportHandler[] handlers) =>
        StartAsync(databaseFile, time, settleInterval, null, handlers);

    /// <param name="logs">Also receives every log line (e.g. to count a warning).</param>
    public static async Task<SchedulingHost> StartAsync(
        string databaseFile, FakeTimeProvider time, TimeSpan? settleInterval, ILoggerProvider? logs, params IReportHandler[] handlers)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
            if (Environment.GetEnvironmentVariable("SHOPSYNC_TEST_LOG") is { Length: > 0 } log)
            {
                b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FileLog(log));
            }
        });
        services.AddSingleton<TimeProvider>(time);
        services.AddShopSyncQueue(o =>
        {
            o.EnableDiagnosticsTasks = true;
            // The grace period runs on the fake clock, which nobody advances while the host stops: a handler still
            // running then (a test that failed before releasing it) would hold the dispose forever.
            o.ShutdownGracePeriod = TimeSpan.Zero;
            // Whole minutes pass in one step of the fake clock: leases must outlast them.
            o.LeaseDuration = TimeSpan.FromHours(2);
            o.LeaseCheckInterval = TimeSpan.FromHours(1);
        });
        services.AddShopSyncSqliteStore($"Data Source={databaseFile}", o => o.Synchronous = SqliteSynchronousMode.Normal);
        services.AddShopSyncSqliteSchedules($"Data Source={databaseFile}");
        // Settled at once: a settle interval would wait on the fake clock.
        services.AddShopSyncScheduling(o => o.SettleInterval = settleInterval ?? TimeSpan.Zero);
        foreach (var handler in handlers)
        {
            services.AddReportHandler(handler);
        }
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        await provider.GetRequiredService<ScheduleRunner>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        return new SchedulingHost(provider);
    }

    /// <summary>The occurrence entries of one report, by occurrence.</summary>
    public async Task<IReadOnlyList<Job>> EntriesAsync(int reportId)
    {
        var page = await Queue.ListAsync(new JobQuery { ReportId = reportId, PageSize = 1000 }, CancellationToken.None);
        return page.Jobs.Where(j => j.OccurrenceUtc is not null).OrderBy(j => j.OccurrenceUtc).ToList();
    }

    /// <summary>Waits until the report has an entry for <paramref name="occurrence"/> in one of the statuses.</summary>
    public Task<Job> EntryAsync(int reportId, DateTimeOffset occurrence, params JobStatus[] statuses) =>
        Eventually.ReachAsync(
            async () => (await EntriesAsync(reportId)).FirstOrDefault(j => j.OccurrenceUtc == occurrence),
            j => j is not null && (statuses.Length == 0 || statuses.Contains(j.Status)))!;

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        foreach (var hosted in _services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
