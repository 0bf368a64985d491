using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Dispatching;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Controls;

public sealed class ControlTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Cancel_RunningEntry_StopsHandlerCooperativelyAndReportsStopped()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(s => s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, t);
            return ReportOutcome.Success();
        })));
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1 }, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<JobStateException>(() => host.Queue.DeleteAsync(job.Id, Ct));
        var result = await host.Queue.CancelAsync(job.Id, TimeSpan.FromSeconds(30), Ct);
        Assert.True(result.Stopped);
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        Assert.Equal(JobResult.Cancelled, result.Job.LastResult);
        await host.Queue.DeleteAsync(job.Id, Ct);
        await Assert.ThrowsAsync<JobNotFoundException>(() => host.Queue.GetAsync(job.Id, Ct));
        Assert.Single((await host.Queue.ListLogAsync(new() { JobId = job.Id }, Ct)).Entries);
    }

    [Fact]
    public async Task Cancel_HandlerIgnoringCancellation_ReportsNotStoppedAfterWait()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(s => s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
        {
            started.TrySetResult();
            await release.Task;
            return ReportOutcome.Success();
        })));
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1 }, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var result = await host.Queue.CancelAsync(job.Id, TimeSpan.FromMilliseconds(200), Ct);
        Assert.False(result.Stopped);
        Assert.Equal(JobStatus.InProcess, result.Job.Status);
        Assert.True(result.Job.CancelRequested);
        release.SetResult();
        await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
    }

    [Fact]
    public async Task HoldReadyRestartRunNow_FollowTheStateMachine()
    {
        await using var host = await EngineHost.StartAsync();
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, OnHold = true }, Ct);
        Assert.Equal(JobStatus.OnHold, job.Status);
        Assert.Equal(JobStatus.OnHold, (await host.Queue.HoldAsync(job.Id, Ct)).Status);
        await host.Queue.SetReadyAsync(job.Id, Ct);
        var finished = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        await Assert.ThrowsAsync<JobStateException>(() => host.Queue.HoldAsync(job.Id, Ct));
        await Assert.ThrowsAsync<JobStateException>(() => host.Queue.SetReadyAsync(job.Id, Ct));
        await host.Queue.RestartAsync(job.Id, Ct);
        var again = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished && j.LastEventSequence > finished.LastEventSequence);
        Assert.Equal(1, again.Attempts);
        await Assert.ThrowsAsync<JobNotFoundException>(() => host.Queue.RunNowAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Watch_ResumesAfterASequenceNumber()
    {
        await using var host = await EngineHost.StartAsync();
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = DiagnosticsReportHandler.ReportId,
            Options = [new("steps", "3"), new("step_ms", "20")],
        }, Ct);
        var all = await DispatcherTests.CollectAsync(host.Queue.WatchAsync(job.Id, 0, Ct));
        Assert.IsType<JobAccepted>(all[0].Data);
        Assert.IsType<JobStarted>(all[1].Data);
        Assert.IsType<JobCompleted>(all[^1].Data);
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        var resumed = await DispatcherTests.CollectAsync(host.Queue.WatchAsync(job.Id, 2, Ct));
        Assert.Equal(all.Where(e => e.Sequence > 2).Select(e => e.Sequence), resumed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task WatchAll_FiltersByCategory()
    {
        await using var host = await EngineHost.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<QueueEvent>();
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Task.Run(async () =>
        {
            await foreach (var e in host.Queue.WatchAllAsync(new QueueWatchFilter(CategoryCode: "B"), cts.Token))
            {
                seen.Add(e);
                if (e.Event.Data is JobCompleted)
                {
                    completed.TrySetResult();
                    return;
                }
            }
        });
        await Task.Yield();
        await Eventually.ReachAsync(async () =>
        {
            await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, CategoryCode = "A" }, Ct);
            await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, CategoryCode = "B" }, Ct);
            return completed.Task.IsCompleted;
        }, done => done);
        await watch;
        Assert.All(seen, e => Assert.Equal("B", e.CategoryCode));
    }

    [Fact]
    public async Task Enqueue_InvalidFields_NameTheField()
    {
        await using var host = await EngineHost.StartAsync();
        var ex = await Assert.ThrowsAsync<JobValidationException>(() =>
            host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, MaxAttempts = 11 }, Ct));
        Assert.Equal("max_attempts", ex.Field);
        ex = await Assert.ThrowsAsync<JobValidationException>(() =>
            host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 12345 }, Ct));
        Assert.Equal("report_id", ex.Field);
        ex = await Assert.ThrowsAsync<JobValidationException>(() => host.Queue.EnqueueManyAsync(
            [new EnqueueRequest { ReportId = NoOpReportHandler.ReportId }, new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, RerunDelay = TimeSpan.FromHours(2) }], Ct));
        Assert.Equal("jobs[1].rerun_delay", ex.Field);
        ex = await Assert.ThrowsAsync<JobValidationException>(() => host.Queue.EnqueueAsync(
            new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, Filters = [new("", "x")] }, Ct));
        Assert.Equal("filters[0].field", ex.Field);
    }
}
