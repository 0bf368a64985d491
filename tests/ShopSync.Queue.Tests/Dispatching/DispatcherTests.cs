using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Dispatching;

public sealed class DispatcherTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Enqueue_NoOp_RunsToFinishedWithLogEntry()
    {
        await using var host = await EngineHost.StartAsync();
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, ShopCode = "S1" }, Ct);
        var done = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.Equal(1, done.Attempts);
        var log = await host.Queue.ListLogAsync(new JobLogQuery { JobId = job.Id }, Ct);
        var run = Assert.Single(log.Entries);
        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.Equal(host.Dispatcher.NodeId, run.Node);
    }

    [Fact]
    public async Task Category_EntriesQueuedBehindABusyEntry_StartByPriorityThenEntryNumber()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<int>();
        await using var host = await EngineHost.StartAsync(s =>
        {
            s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
            {
                started.TrySetResult();
                await gate.Task.WaitAsync(t);
                return ReportOutcome.Success();
            }));
            s.AddReportHandler(new DelegateHandler(2, (c, t) =>
            {
                lock (order)
                {
                    order.Add(int.Parse(c.GetOption("n")!, System.Globalization.CultureInfo.InvariantCulture));
                }

                return Task.FromResult(ReportOutcome.Success());
            }));
        });
        await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1, CategoryCode = "C" }, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var priorities = new[] { 5, 1, 3, 1, 5, 2 };
        var queued = new List<Job>();
        for (var i = 0; i < priorities.Length; i++)
        {
            queued.Add(await host.Queue.EnqueueAsync(new EnqueueRequest
            {
                ReportId = 2,
                CategoryCode = "C",
                Priority = priorities[i],
                Options = [new RequestPageOption("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            }, Ct));
        }

        Assert.All(queued, j => Assert.Equal(JobStatus.Waiting, j.Status));
        gate.SetResult();
        await Eventually.ReachAsync(() => Task.FromResult(order.Count), n => n == priorities.Length);
        var expected = Enumerable.Range(0, priorities.Length).OrderBy(i => priorities[i]).ThenBy(i => i).ToList();
        Assert.Equal(expected, order);
    }

    [Fact]
    public async Task Failure_WithAttemptsLeft_RetriesAfterRerunDelayOnFakeClock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await EngineHost.StartAsync(time: time);
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = DiagnosticsReportHandler.ReportId,
            MaxAttempts = 2,
            RerunDelay = TimeSpan.FromMinutes(1),
            Options = [new("steps", "0"), new("fail_attempts", "1"), new("fail_message", "boom")],
        }, Ct);
        var failed = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Ready && j.Attempts == 1);
        Assert.Equal("boom", failed.ErrorMessage);
        Assert.Equal(time.GetUtcNow().AddMinutes(1), failed.EarliestStart);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(JobStatus.Ready, (await host.Queue.GetAsync(job.Id, Ct)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        var done = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(2, done.Attempts);
        var events = await CollectAsync(host.Queue.WatchAsync(job.Id, 0, Ct));
        Assert.Contains(events, e => e.Data is JobAttemptFailed { Attempt: 1, MaxAttempts: 2, ErrorMessage: "boom" });
        Assert.IsType<JobCompleted>(events[^1].Data);
    }

    [Fact]
    public async Task Failure_NoAttemptsLeft_EndsInErrorWithMessageAndDetail()
    {
        await using var host = await EngineHost.StartAsync(s =>
            s.AddReportHandler(new DelegateHandler(7, (c, t) => throw new InvalidOperationException("handler exploded"))));
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 7 }, Ct);
        var error = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Error);
        Assert.Equal("handler exploded", error.ErrorMessage);
        Assert.Contains("InvalidOperationException", error.ErrorDetail, StringComparison.Ordinal);
        Assert.Equal(JobResult.Failed, error.LastResult);
    }

    [Fact]
    public async Task Timeout_OnFakeClock_CancelsHandlerAndRecordsTimedOut()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(
            s => s.AddReportHandler(new DelegateHandler(8, async (c, t) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, t);
                return ReportOutcome.Success();
            })),
            time: time);
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 8, Timeout = TimeSpan.FromMinutes(10) }, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMinutes(10));
        var ended = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Error);
        Assert.Equal(JobResult.TimedOut, ended.LastResult);
        var log = await host.Queue.ListLogAsync(new JobLogQuery { JobId = job.Id }, Ct);
        Assert.Equal(JobResult.TimedOut, log.Entries.Single().Result);
    }

    [Fact]
    public async Task Skipped_RecordsMakeASuccessfulRunSucceededWithWarnings()
    {
        await using var host = await EngineHost.StartAsync();
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = DiagnosticsReportHandler.ReportId,
            Options = [new("steps", "2"), new("step_ms", "0"), new("skip", "3")],
        }, Ct);
        var events = await CollectAsync(host.Queue.WatchAsync(job.Id, 0, Ct));
        var completed = Assert.IsType<JobCompleted>(events[^1].Data);
        Assert.Equal(JobResult.SucceededWithWarnings, completed.Result);
        Assert.Equal(3, completed.Counters.Skipped);
        Assert.Equal(2, completed.Counters.Done);
    }

    [Fact]
    public async Task Expired_EntryIsNotRun()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await EngineHost.StartAsync(time: time);
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = NoOpReportHandler.ReportId,
            OnHold = true,
            Expiration = time.GetUtcNow().AddMinutes(1),
        }, Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        await host.Queue.SetReadyAsync(job.Id, Ct);
        var ended = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(JobResult.Expired, ended.LastResult);
        Assert.Equal(0, ended.Attempts);
    }

    internal static async Task<List<JobEvent>> CollectAsync(IAsyncEnumerable<JobEvent> events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var list = new List<JobEvent>();
        await foreach (var item in events.WithCancellation(timeout.Token))
        {
            list.Add(item);
        }

        return list;
    }
}
