using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;
using HealthStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>The change feed between two nodes on one PostgreSQL database (LISTEN/NOTIFY doorbell, the store as the log).</summary>
[Collection(FeedCollection.Name)]
public sealed class ChangeFeedTests
{
    [Fact]
    public async Task EnqueueJob_ThroughNodeA_StartsOnIdleNodeBWithoutWaitingForThePoll()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(EnqueueJob_ThroughNodeA_StartsOnIdleNodeBWithoutWaitingForThePoll));

        var id = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Gated("WAKE"));

        // B's safety poll is 10 minutes away: only A's doorbell can start it within the deadline.
        await nodes.B.Gate.WaitStartedAsync(id);
        nodes.B.Gate.Release(id);
        var done = await nodes.A.Api.WaitForStatusAsync(id, JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.Equal("node-b", Assert.Single(await nodes.A.Api.LogEntriesAsync(id)).Node);
    }

    [Fact]
    public async Task WatchJob_OnNodeA_SeesEveryEventOfARunOnNodeBInOrderAndResumes()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(WatchJob_OnNodeA_SeesEveryEventOfARunOnNodeBInOrderAndResumes));
        using var queueWideCall = nodes.A.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "FANOUT" });
        // The headers come once the watch's position is fixed: without them the enqueue can land before it.
        await queueWideCall.ResponseHeadersAsync;
        var queueWideEvents = CollectUntilCompletedAsync(queueWideCall);

        // Foreground through A: the caller's own stream follows the run on B to its end.
        var foreground = await nodes.A.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 8, stepMs: 20, category: "FANOUT"));
        var id = foreground[0].JobId;

        var history = await nodes.B.Api.WatchToEndAsync(id);
        AssertComplete(history);
        Assert.Equal("node-b", history.Select(e => e.Started).Single(s => s is not null).Node);
        Assert.Equal(Sequences(history), Sequences(foreground));
        // A queue-wide watcher's buffer may coalesce progress (as on one node); every other event arrives, in order.
        var queueWide = await queueWideEvents;
        Assert.Equal(Sequences(history.Where(e => e.Progress is null)), Sequences(queueWide.Where(e => e.Progress is null)));
        Assert.Equal(Sequences(queueWide).Order(), Sequences(queueWide));
        Assert.Equal(Sequences(queueWide).Distinct(), Sequences(queueWide));

        // WatchJob on A from the start, and resumed after its third event, gives the same history.
        Assert.Equal(Sequences(history), Sequences(await nodes.A.Api.WatchToEndAsync(id)));
        Assert.Equal(Sequences(history).Skip(3), Sequences(await nodes.A.Api.WatchToEndAsync(id, afterSequence: 3)));
    }

    [Fact]
    public async Task WatchJob_OnNodeAResumedDuringARunOnNodeB_ContinuesWithoutAGap()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(WatchJob_OnNodeAResumedDuringARunOnNodeB_ContinuesWithoutAGap));
        var id = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 30, stepMs: 30, category: "RESUME"));

        // Read a few live events through A, drop the stream mid-run, and resume from the last one read.
        var first = new List<JobEvent>();
        using (var cut = new CancellationTokenSource())
        using (var call = nodes.A.Api.WatchJob(id, cancellationToken: cut.Token))
        {
            await foreach (var response in call)
            {
                if (response.Event is { } e)
                {
                    first.Add(e);
                }

                if (first.Count == 4)
                {
                    break;
                }
            }
        }

        var rest = await nodes.A.Api.WatchToEndAsync(id, afterSequence: first[^1].Sequence);
        var all = first.Concat(rest).ToList();
        AssertComplete(all);
        Assert.Equal(Sequences(await nodes.B.Api.WatchToEndAsync(id)), Sequences(all));
        Assert.True(all.Count(e => e.Progress is not null) >= 2, "progress of the run on B reached the watcher on A");
    }

    [Fact]
    public async Task CancelJob_ThroughNodeA_StopsTheRunOnNodeBAndReturnsTheFinalState()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(CancelJob_ThroughNodeA_StopsTheRunOnNodeBAndReturnsTheFinalState));
        var id = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Gated("STOP"));
        await nodes.B.Gate.WaitStartedAsync(id);

        var reply = await nodes.A.Api.JobsAsync<CancelJobRequest, CancelJobResponse>(
            "CancelJob", new CancelJobRequest { JobId = id, Wait = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) });

        Assert.True(reply.Stopped);
        Assert.Equal(JobStatus.Finished, reply.Job.Status);
        Assert.Equal(JobResult.Cancelled, reply.Job.LastResult);
        Assert.True(nodes.B.Gate.Run(id).Cancelled.Task.IsCompleted, "the handler's token on B fired");
        var log = Assert.Single(await nodes.A.Api.LogEntriesAsync(id));
        Assert.Equal(("node-b", JobResult.Cancelled), (log.Node, log.Result));
    }

    [Fact]
    public async Task Listener_TerminatedByTheDatabase_PollsReportsItInHealthThenListensAgain()
    {
        // A long fallback interval keeps the down state visible to the health check for seconds.
        await using var nodes = await FeedNodes.StartAsync(
            nameof(Listener_TerminatedByTheDatabase_PollsReportsItInHealthThenListensAgain), feedPollInterval: TimeSpan.FromSeconds(4));
        Assert.Equal(HealthStatus.Serving, await FeedNodes.FeedHealthAsync(nodes.B));

        // The health check service logs an unhealthy check as an error: here that is the point.
        nodes.B.ExpectErrorLog(103);
        Assert.Equal(1, await nodes.TerminateListenerAsync("node-b"));
        await Eventually.TrueAsync(async () => await FeedHealthAsync(nodes.B) == HealthStatus.NotServing, "B's health reports the feed down", TestTimeouts.Signal);
        var health = new global::Grpc.Health.V1.Health.HealthClient(nodes.B.Api.Channel.Invoker);
        Assert.Equal(HealthStatus.Serving, (await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest())).Status);

        // While B cannot listen, work queued through A still reaches it (the fallback poll or the rescan after reconnect).
        var whileDown = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Gated("DOWN"));
        await nodes.B.Gate.WaitStartedAsync(whileDown);
        nodes.B.Gate.Release(whileDown);

        await nodes.WaitListeningAsync(nodes.B);
        Assert.Contains(nodes.B.Logs.Records, r => r.EventId.Name == "FeedDown");
        Assert.Equal(2, nodes.B.Logs.Records.Count(r => r.EventId.Name == "FeedListening"));

        // Listening again: the doorbell wakes B again.
        var after = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Gated("UP"));
        await nodes.B.Gate.WaitStartedAsync(after);
        nodes.B.Gate.Release(after);
        await nodes.A.Api.WaitForStatusAsync(after, JobStatus.Finished);
    }

    private static Task<HealthStatus> FeedHealthAsync(InProcessServer node) => FeedNodes.FeedHealthAsync(node);

    private static async Task<List<JobEvent>> CollectUntilCompletedAsync(StreamingCall<WatchJobsResponse> call)
    {
        var events = new List<JobEvent>();
        await foreach (var response in call)
        {
            events.Add(response.Event);
            if (response.Event.Completed is not null)
            {
                break;
            }
        }

        return events;
    }

    private static List<long> Sequences(IEnumerable<JobEvent> events) => [.. events.Select(e => e.Sequence)];

    /// <summary>Sequences 1..n with no gap or repeat, ending with the completed event.</summary>
    private static void AssertComplete(List<JobEvent> events)
    {
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), Sequences(events));
        Assert.NotNull(events[^1].Completed);
        Assert.NotNull(events[0].Accepted);
    }
}
