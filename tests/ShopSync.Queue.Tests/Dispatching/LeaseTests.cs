using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;
using ShopSync.Testing.Shopify;

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

    [Fact]
    public async Task RenewalThatMissesARunEndedMeanwhile_DoesNotCallItLost()
    {
        // The lease check reads the held runs, then a run finishes before the renewal's statement reaches it: the
        // store answers "lost" for an entry that simply ended. Under load this logged LeaseLost warnings every few
        // seconds for runs that had lost nothing.
        var logs = new CapturingLoggerProvider();
        var renewing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FaultyJobStore? store = null;
        await using var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
                {
                    await renewing.Task.WaitAsync(TimeSpan.FromSeconds(30), t);
                    return ReportOutcome.Success();
                }));
                FaultyJobStore.Decorate(s, f => store = f);
            },
            o => o.LeaseCheckInterval = TimeSpan.FromMilliseconds(20));
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Guid? jobId = null;
        var missed = 0;
        var heldBackRenewalSent = 0;
        store!.BeforeRenew = async request =>
        {
            if (jobId is { } id && request.Runs.Any(r => r.JobId == id) && Interlocked.Exchange(ref missed, 1) == 0)
            {
                renewing.TrySetResult();
                await Eventually.ReachAsync(() => host.Queue.GetAsync(id, Ct), j => j.Status == JobStatus.Finished);
                Volatile.Write(ref heldBackRenewalSent, 1);
            }
        };
        // The same lease check looks for lapsed leases only after it has handled the renewal's answer.
        store.BeforeFindExpired = () =>
        {
            if (Volatile.Read(ref heldBackRenewalSent) == 1)
            {
                answered.TrySetResult();
            }
        };

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1, CategoryCode = "C" }, Ct);
        jobId = job.Id;
        var done = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, missed);
        Assert.Equal(1, done.Attempts);
        var log = await host.Queue.ListLogAsync(new() { JobId = job.Id }, Ct);
        Assert.Equal(JobResult.Succeeded, log.Entries.Single().Result);
        Assert.False(logs.Lines.Any(l => l.Contains("[1107]", StringComparison.Ordinal)), string.Join("\n", logs.Lines));
    }
    [Fact]
    public async Task CancelAnsweredForAnEarlierRun_DoesNotStopTheEntrysNextRun()
    {
        // A renewal reads a cancel asked of run 1; before its answer is handled, run 1 ends (a failed attempt, retried
        // at once) and run 2 of the same entry starts here under a new fencing token. The answer is not run 2's.
        var attempt1 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endAttempt1 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempt2 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FaultyJobStore? store = null;
        await using var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
                {
                    if (c.Job.Attempts == 1)
                    {
                        attempt1.TrySetResult();
                        await endAttempt1.Task.WaitAsync(TimeSpan.FromSeconds(30), t);
                        return ReportOutcome.Failure("attempt 1 fails");
                    }

                    attempt2.TrySetResult();
                    await answered.Task.WaitAsync(TimeSpan.FromSeconds(30), t);
                    return ReportOutcome.Success();
                }, maxAttempts: 3));
                FaultyJobStore.Decorate(s, f => store = f);
            },
            o => o.LeaseCheckInterval = TimeSpan.FromMilliseconds(20));
        Guid? jobId = null;
        var injected = 0;
        store!.AfterRenew = async (request, answer) =>
        {
            if (jobId is not { } id || !request.Runs.Any(r => r.JobId == id) || Interlocked.Exchange(ref injected, 1) != 0)
            {
                return answer;
            }

            endAttempt1.TrySetResult();
            await attempt2.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return answer with { CancelRequested = [id] };
        };
        store.BeforeFindExpired = () =>
        {
            if (Volatile.Read(ref injected) == 1 && attempt2.Task.IsCompleted)
            {
                answered.TrySetResult();
            }
        };

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = 1, CategoryCode = "C", RerunDelay = TimeSpan.Zero }, Ct);
        jobId = job.Id;
        await attempt1.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var done = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);

        Assert.Equal(1, injected);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
    }
}
