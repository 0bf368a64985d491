using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;
using TempDirectory = ShopSync.Testing.TempDirectory;

namespace ShopSync.Queue.Tests.Scheduling;

/// <summary>A fake clock at 10:00:30 (half a minute after <see cref="ScheduleTestData.Start"/>), a temp database and a probe schedule that proves a runner pass happened.</summary>
internal sealed class RunnerFixture : IAsyncDisposable
{
    public const int ProbeReport = 4900;

    private readonly TempDirectory _folder = new("shopsync-sched");

    public FakeTimeProvider Time { get; } = new(ScheduleTestData.At(0, 30));

    public string DatabaseFile => _folder.File("queue.db");

    public SchedulingHost Host { get; private set; } = null!;

    public Guid Probe { get; private set; }

    public IReportHandler[] Handlers { get; private set; } = [];

    public TimeSpan? SettleInterval { get; private set; }

    public static Task<RunnerFixture> StartAsync(params IReportHandler[] handlers) => StartAsync(null, handlers);

    public static async Task<RunnerFixture> StartAsync(TimeSpan? settleInterval, params IReportHandler[] handlers)
    {
        var fixture = new RunnerFixture { SettleInterval = settleInterval };
        fixture.Handlers = [.. handlers, new DelegateHandler(ProbeReport, (_, _) => Task.FromResult(ReportOutcome.Success()))];
        fixture.Host = await SchedulingHost.StartAsync(fixture.DatabaseFile, fixture.Time, settleInterval, fixture.Logs, fixture.Handlers);
        fixture.Probe = (await fixture.Host.Schedules.CreateAsync(ScheduleTestData.EveryMinute(ProbeReport), false, CancellationToken.None)).Id;
        return fixture;
    }

    /// <summary>
    /// Moves the clock to <paramref name="instant"/> and waits until the runner has handled everything due then and
    /// the probe's entries due by then have run. A probe entry still queued would hold back the probe's next
    /// look-ahead (an earlier entry of a schedule still queued leaves the next occurrence to its due time), which on
    /// a loaded machine made a later step that waits for the look-ahead time out.
    /// </summary>
    /// <summary>Every log line of the host.</summary>
    public ShopSync.Testing.Shopify.CapturingLoggerProvider Logs { get; } = new();

    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        Time.Advance(instant - Time.GetUtcNow());
        var minute = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        await Eventually.ReachAsync(
            () => Host.Schedules.GetAsync(Probe, CancellationToken.None),
            s => s.LastOccurrence >= minute);
        await Eventually.ReachAsync(
            () => Host.EntriesAsync(ProbeReport),
            entries => entries.All(j => j.OccurrenceUtc > instant || j.Status is JobStatus.Finished or JobStatus.Error));
    }

    public Task<StoredSchedule> ScheduleAsync(ScheduleDefinition definition, bool onHold = false) =>
        Host.Schedules.CreateAsync(definition, onHold, CancellationToken.None);

    public Task<StoredSchedule> ReachAsync(Guid scheduleId, Func<StoredSchedule, bool> done) =>
        Eventually.ReachAsync(() => Host.Schedules.GetAsync(scheduleId, CancellationToken.None), done);

    public async Task<List<DateTimeOffset>> OccurrencesAsync(int reportId) =>
        (await Host.EntriesAsync(reportId)).Select(j => j.OccurrenceUtc!.Value).ToList();

    /// <summary>Stops this node and starts a new one on the same database and clock (a restart).</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null)
    {
        await Host.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }
        Host = await SchedulingHost.StartAsync(DatabaseFile, Time, SettleInterval, Handlers);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
