using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>Waiting status and events for entries held back by their category, and the log of expired entries.</summary>
public sealed class WaitingAndExpiryTests
{
    private const int Blocker = 11;
    private const int Flaky = 12;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Retry_DueWhileCategoryBusy_ShowsWaitingWithoutWaitingForTheNextClaim()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var (blocked, release, host) = await StartAsync(time);
        await using var _ = host;
        var flaky = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = Flaky, CategoryCode = "C", RerunDelay = TimeSpan.FromMinutes(1) }, Ct);
        await Eventually.ReachAsync(() => host.Queue.GetAsync(flaky.Id, Ct), j => j.Status == JobStatus.Ready && j.Attempts == 1);
        await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = Blocker, CategoryCode = "C" }, Ct);
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromMinutes(1));

        var waiting = await Eventually.ReachAsync(() => host.Queue.GetAsync(flaky.Id, Ct), j => j.Status == JobStatus.Waiting);
        Assert.Equal(1, waiting.Attempts);
        release.SetResult();
        await Eventually.ReachAsync(() => host.Queue.GetAsync(flaky.Id, Ct), j => j.Status == JobStatus.Finished);
        var events = await DispatcherTests.CollectAsync(host.Queue.WatchAsync(flaky.Id, 0, Ct));
        Assert.Contains(events, e => e.Data is JobWaiting { CategoryCode: "C" });
    }

    [Fact]
    public async Task ForegroundEnqueue_CategoryBusy_CallerSeesWaitingEventNamingTheRunningEntry()
    {
        var (blocked, release, host) = await StartAsync(time: null);
        await using var _ = host;
        var running = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = Blocker, CategoryCode = "C" }, Ct);
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var foreground = await host.Queue.EnqueueAsync(
            new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, CategoryCode = "C", Foreground = true }, Ct);
        Assert.Equal(JobStatus.Waiting, foreground.Status);
        release.SetResult();

        var events = await DispatcherTests.CollectAsync(host.Queue.WatchAsync(foreground.Id, 0, Ct));
        Assert.Equal(new JobAccepted(foreground.EntryNo, JobStatus.Waiting, true), events[0].Data);
        Assert.Equal(new JobWaiting(running.Id, "C"), events[1].Data);
        Assert.Equal(2, events[1].Sequence);
        Assert.IsType<JobStarted>(events[2].Data);
        Assert.IsType<JobCompleted>(events[^1].Data);
    }

    [Fact]
    public async Task Expired_WhileWaitingForItsCategory_EndsExpiredWithALogEntry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var (blocked, release, host) = await StartAsync(time);
        await using var _ = host;
        await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = Blocker, CategoryCode = "C" }, Ct);
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var expiring = await host.Queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = NoOpReportHandler.ReportId,
            CategoryCode = "C",
            Expiration = time.GetUtcNow().AddMinutes(1),
        }, Ct);

        time.Advance(TimeSpan.FromMinutes(2));
        release.SetResult();

        var ended = await Eventually.ReachAsync(() => host.Queue.GetAsync(expiring.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(JobResult.Expired, ended.LastResult);
        Assert.Equal(0, ended.Attempts);
        var log = Assert.Single((await host.Queue.ListLogAsync(new JobLogQuery { JobId = expiring.Id }, Ct)).Entries);
        Assert.Equal(JobResult.Expired, log.Result);
        Assert.Equal("The entry expired before it could run.", log.ErrorMessage);
        Assert.Equal(time.GetUtcNow(), log.EndTime);
    }

    /// <summary>Report 11 blocks until released; report 12 fails its first attempt (two attempts).</summary>
    private static async Task<(TaskCompletionSource Blocked, TaskCompletionSource Release, EngineHost Host)> StartAsync(TimeProvider? time)
    {
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddReportHandler(new DelegateHandler(Blocker, async (c, t) =>
                {
                    blocked.TrySetResult();
                    await release.Task.WaitAsync(t);
                    return ReportOutcome.Success();
                }));
                s.AddReportHandler(new DelegateHandler(
                    Flaky,
                    (c, t) => Task.FromResult(c.Attempt == 1 ? ReportOutcome.Failure("first attempt fails") : ReportOutcome.Success()),
                    maxAttempts: 2));
            },
            time: time);
        return (blocked, release, host);
    }
}
