using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;
using ShopSync.Queue.Tests.Support;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>
/// The host disposes the store right after the dispatcher stops, so the dispatcher must not report itself stopped
/// while a run's end is still being written: the end would hit a disposed store and the entry would wait for lease
/// recovery instead of being finished.
/// </summary>
public sealed class ShutdownWaitTests
{
    private const int ReportId = 64;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Stop_WhileARunsEndIsBeingWritten_ReturnsOnlyOnceTheEndIsWritten()
    {
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(s =>
        {
            s.AddReportHandler(new DelegateHandler(ReportId, (_, _) => Task.FromResult(ReportOutcome.Success())));
            FaultyJobStore.Decorate(s, f => f.BeforeComplete = async _ =>
            {
                writing.TrySetResult();
                await release.Task;
            });
        });

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        await writing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The run has left the running set; only its end write is out.
        var stop = host.StopAsync();
        await AssertStillStoppingAsync(stop);

        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        var finished = await host.Queue.GetAsync(job.Id, Ct);
        Assert.Equal((JobStatus.Finished, JobResult.Succeeded), (finished.Status, finished.LastResult));
    }

    [Fact]
    public async Task Stop_WhileAClaimIsOutPastTheGracePeriod_WaitsForItAndStopsTheRunItBrings()
    {
        var claiming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddReportHandler(new DelegateHandler(ReportId, async (_, token) =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                    }
                    finally
                    {
                        handlerStopped.TrySetResult();
                    }

                    return ReportOutcome.Success();
                }));
                FaultyJobStore.Decorate(s, f => f.BeforeClaim = async _ =>
                {
                    if (claiming.TrySetResult())
                    {
                        await release.Task;
                    }
                });
            },
            o => o.ShutdownGracePeriod = TimeSpan.Zero);

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        await claiming.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // No run yet, only the claim is out; the grace period is already over.
        var stop = host.StopAsync();
        await AssertStillStoppingAsync(stop);

        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(handlerStopped.Task.IsCompleted, "the run the late claim brought was stopped before shutdown returned");
        var after = await host.Queue.GetAsync(job.Id, Ct);
        Assert.Equal(JobStatus.Ready, after.Status);
    }

    /// <summary>Stop has not returned 300 ms after it was called (the old dispatcher returned at once).</summary>
    private static async Task AssertStillStoppingAsync(Task stop) =>
        Assert.NotSame(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromMilliseconds(300))));
}
