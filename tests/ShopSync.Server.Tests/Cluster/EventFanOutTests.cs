using Microsoft.Extensions.DependencyInjection;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Storage;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Status;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>WatchJobs and WatchSyncStatus on node A follow runs on node B (the queue-wide log on PostgreSQL).</summary>
[Collection(FeedCollection.Name)]
public sealed class EventFanOutTests
{
    [Fact]
    public async Task WatchJobs_OnNodeA_GetsEveryEventOfRunsOnNodeBInOrderOnce()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(WatchJobs_OnNodeA_GetsEveryEventOfRunsOnNodeBInOrderOnce));
        using var call = nodes.A.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "LOG" });
        await call.ResponseHeadersAsync;

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await nodes.A.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 6, stepMs: 5, category: "LOG")));
        }

        var received = await QueueWideReader.UntilCompletedAsync(call, ids);

        foreach (var id in ids)
        {
            var history = await nodes.B.Api.WatchToEndAsync(id);
            Assert.Equal("node-b", history.Select(e => e.Started).Single(s => s is not null).Node);
            // Nothing coalesced, nothing repeated: the whole stored history, progress included.
            Assert.Equal(history.Select(e => e.Sequence), QueueWideReader.Sequences(received, id));
        }

        Assert.Equal(received.Count, received.Select(r => r.Position).Distinct(StringComparer.Ordinal).Count());
        Assert.All(received, r => Assert.Equal("LOG", r.CategoryCode));
    }

    [Fact]
    public async Task WatchJobs_ResumedAfterTheListenerOfNodeAWasTerminated_HasNoGapAndNoDuplicate()
    {
        await using var nodes = await FeedNodes.StartAsync(
            nameof(WatchJobs_ResumedAfterTheListenerOfNodeAWasTerminated_HasNoGapAndNoDuplicate), feedPollInterval: TimeSpan.FromSeconds(2));
        var feedOfA = nodes.A.Services.GetRequiredService<IQueueFeed>();
        using var first = nodes.A.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "GAP" });
        await first.ResponseHeadersAsync;
        // A second watcher stays connected through the listener loss.
        using var through = nodes.A.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "GAP" });
        await through.ResponseHeadersAsync;
        var before = await nodes.A.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 4, stepMs: 5, category: "GAP"));
        var seen = await QueueWideReader.UntilCompletedAsync(first, [before]);
        first.Dispose();

        // The health check service logs the down feed as an error: expected here.
        nodes.A.ExpectErrorLog(103);
        Assert.Equal(1, await nodes.TerminateListenerAsync("node-a"));
        await Eventually.TrueAsync(() => !feedOfA.Health.Listening, "A's feed notices the loss", TestTimeouts.Signal);
        // Written by B while A cannot hear its doorbells.
        var during = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            during.Add(await nodes.B.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 4, stepMs: 5, category: "GAP")));
        }

        using var resumed = nodes.A.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "GAP", AfterPosition = seen[^1].Position });
        var rest = await QueueWideReader.UntilCompletedAsync(resumed, during);
        var continuous = await QueueWideReader.UntilCompletedAsync(through, [before, .. during]);

        Assert.DoesNotContain(rest, r => r.Event.JobId == before);
        foreach (var id in during)
        {
            var history = (await nodes.B.Api.WatchToEndAsync(id)).Select(e => e.Sequence).ToList();
            Assert.Equal(history, QueueWideReader.Sequences(rest, id));
            Assert.Equal(history, QueueWideReader.Sequences(continuous, id));
        }

        Assert.Equal(QueueWideReader.Sequences(seen, before), QueueWideReader.Sequences(continuous, before));
        Assert.Contains(nodes.A.Logs.Records, r => r.EventId.Name == "FeedDown");
    }

    [Fact]
    public async Task WatchJobs_UnknownPosition_IsRejectedNamingAfterPosition()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(WatchJobs_UnknownPosition_IsRejectedNamingAfterPosition));
        using var call = nodes.A.Api.WatchJobs(new WatchJobsRequest { AfterPosition = "yesterday" });

        var error = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await QueueWideReader.UntilCompletedAsync(call, ["x"]));

        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("after_position:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchSyncStatus_OnNodeA_ShowsTheFailureOfARunOnNodeB()
    {
        await using var nodes = await FeedNodes.StartAsync(nameof(WatchSyncStatus_OnNodeA_ShowsTheFailureOfARunOnNodeB));
        // One shop for both nodes: the connector's data is in the shared database.
        await nodes.A.Api.CreateShopAsync("fan");
        using var timeout = new CancellationTokenSource(TestTimeouts.Signal);
        using var call = nodes.A.Api.Channel.Watch(new WatchSyncStatusRequest { ShopCode = "fan" }, timeout.Token);
        await using var stream = call.GetAsyncEnumerator(timeout.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(0, Assert.Single(stream.Current.Status.Shops).Cue(Cue.SynchronizationErrors).Count);

        var id = await nodes.A.Api.EnqueueBackgroundAsync(
            Requests.Diagnostics(steps: 2, stepMs: 5, failAttempts: 1, failMessage: "ERP offline", maxAttempts: 1, category: "STATUS", shop: "fan"));

        ShopSyncStatus? failing = null;
        while (failing is null && await stream.MoveNextAsync())
        {
            var shop = Assert.Single(stream.Current.Status.Shops);
            failing = shop.Tasks.Any(t => t.ReportId == Requests.DiagnosticsReportId && t.FailingNow) ? shop : null;
        }

        Assert.NotNull(failing);
        Assert.Equal(1, failing.Cue(Cue.SynchronizationErrors).Count);
        Assert.Contains("ERP offline", failing.Tasks.Single(t => t.ReportId == Requests.DiagnosticsReportId).LastFailureMessage, StringComparison.Ordinal);
        Assert.Equal("node-b", Assert.Single(await nodes.A.Api.LogEntriesAsync(id)).Node);
    }
}
