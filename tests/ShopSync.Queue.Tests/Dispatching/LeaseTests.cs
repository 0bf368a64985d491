using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Dispatching;

public sealed class LeaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task DeadNode_LeaseLapses_AnotherNodeRecoversAndStaleCompletionIsRejected()
    {
        // Node A runs on a frozen clock: it claims with a 1 s lease and never renews it, like a node that died.
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bRuns = 0;
        await using var nodeA = await EngineHost.StartAsync(
            s => s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
            {
                aStarted.TrySetResult();
                await aRelease.Task;
                return ReportOutcome.Success();
            }, maxAttempts: 3)),
            o =>
            {
                o.NodeId = "node-a";
                o.LeaseDuration = TimeSpan.FromSeconds(1);
            },
            time: frozen);
        var job = await nodeA.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1, CategoryCode = "C" }, Ct);
        await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using var nodeB = await EngineHost.StartAsync(
            s => s.AddReportHandler(new DelegateHandler(1, (c, t) =>
            {
                Interlocked.Increment(ref bRuns);
                return Task.FromResult(ReportOutcome.Success());
            }, maxAttempts: 3)),
            o =>
            {
                o.NodeId = "node-b";
                o.LeaseDuration = TimeSpan.FromSeconds(1);
                o.LeaseCheckInterval = TimeSpan.FromMilliseconds(100);
            },
            databaseFile: nodeA.DatabaseFile);

        var recovered = await Eventually.ReachAsync(() => nodeB.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(1, bRuns);
        Assert.Equal(2, recovered.Attempts);

        var staleRun = nodeA.Dispatcher.FindRun(job.Id)!;
        aRelease.SetResult();
        Assert.Null(await staleRun.Ended.WaitAsync(TimeSpan.FromSeconds(30)));
        var after = await nodeB.Queue.GetAsync(job.Id, Ct);
        Assert.Equal(recovered.LastEventSequence, after.LastEventSequence);
        var log = await nodeB.Queue.ListLogAsync(new() { JobId = job.Id }, Ct);
        Assert.Equal([JobResult.Succeeded, JobResult.Failed], log.Entries.Select(e => e.Result));
        Assert.Contains("node-a", log.Entries[1].ErrorMessage, StringComparison.Ordinal);
    }
}
