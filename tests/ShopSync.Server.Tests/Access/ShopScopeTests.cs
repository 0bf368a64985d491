using System.Threading.Channels;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Access;

/// <summary>
/// A key scoped to some shops sees and touches only theirs, through the real server (loopback without --auth required:
/// the helpers' calls without a key are the local admin, the scoped calls carry a key).
/// </summary>
public sealed class ShopScopeTests
{
    [Fact]
    public async Task ListJobs_KeyScopedToTwoShops_ListsOnlyTheirEntries()
    {
        await using var server = await StartWithShopsAsync();
        var north = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "north", steps: 0));
        var south = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "south", steps: 0));
        var key = await server.CreateKeyAsync("north-east", Roles.Viewer, ["north", "east"]);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);

        var listed = await jobs.ListJobsAsync(new ListJobsRequest(), Options(key));
        var other = await Assert.ThrowsAsync<RpcException>(() => jobs.ListJobsAsync(new ListJobsRequest { ShopCode = "south" }, Options(key)).ResponseAsync);

        Assert.Contains(listed.Jobs, j => j.Id == north);
        Assert.DoesNotContain(listed.Jobs, j => j.Id == south);
        Assert.All(listed.Jobs, j => Assert.Contains(j.ShopCode, new[] { "north", "east" }));
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task GetJob_OtherShopsEntry_AnswersNotFoundLikeAMissingOne()
    {
        await using var server = await StartWithShopsAsync();
        var south = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "south", steps: 0));
        var key = await server.CreateKeyAsync("north-operator", Roles.Operator, ["north"]);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);
        var missing = Guid.CreateVersion7().ToString();

        var other = await Assert.ThrowsAsync<RpcException>(() => jobs.GetJobAsync(new GetJobRequest { JobId = south }, Options(key)).ResponseAsync);
        var absent = await Assert.ThrowsAsync<RpcException>(() => jobs.GetJobAsync(new GetJobRequest { JobId = missing }, Options(key)).ResponseAsync);
        var cancel = await Assert.ThrowsAsync<RpcException>(() => jobs.DeleteJobAsync(new DeleteJobRequest { JobId = south }, Options(key)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, other.StatusCode);
        Assert.Equal(absent.Status.Detail.Replace(missing, "ID", StringComparison.Ordinal), other.Status.Detail.Replace(south, "ID", StringComparison.Ordinal));
        Assert.Equal(StatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("south", (await server.Api.GetJobAsync(south)).ShopCode);
    }

    [Fact]
    public async Task GetSyncStatus_KeyScopedToTwoShops_ShowsOnlyTheirShops()
    {
        await using var server = await StartWithShopsAsync();
        var key = await server.CreateKeyAsync("status-viewer", Roles.Viewer, ["north", "east"]);
        var status = new SyncStatusService.SyncStatusServiceClient(server.Api.Channel.Invoker);

        var all = await status.GetSyncStatusAsync(new GetSyncStatusRequest(), new CallOptions());
        var scoped = await status.GetSyncStatusAsync(new GetSyncStatusRequest(), Options(key));

        Assert.Contains(all.Shops, s => s.ShopCode == "south");
        Assert.Equal(["east", "north"], scoped.Shops.Select(s => s.ShopCode).Order().ToArray());
    }

    [Fact]
    public async Task WatchJobs_KeyScopedToTwoShops_DeliversOnlyTheirEvents()
    {
        await using var server = await StartWithShopsAsync();
        var key = await server.CreateKeyAsync("watcher", Roles.Viewer, ["north", "east"]);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);
        using var cancel = new CancellationTokenSource();
        var call = jobs.WatchJobs(new WatchJobsRequest(), new CallOptions(AccessServer.Bearer(key), cancellationToken: cancel.Token));
        var received = Channel.CreateUnbounded<WatchJobsResponse>();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var r in call.ResponseStream.ReadAllAsync(cancel.Token))
                {
                    await received.Writer.WriteAsync(r);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException)
            {
                received.Writer.TryComplete();
            }
        });
        // The watch is live once it delivers a probe's event.
        await Eventually.TrueAsync(
            async () =>
            {
                if (received.Reader.TryPeek(out _))
                {
                    return true;
                }
                await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "north", steps: 0));
                return false;
            },
            "WatchJobs to deliver a probe entry's event",
            TestTimeouts.Signal);

        var south = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "south", steps: 0));
        var marker = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "east", steps: 0));
        var seen = new List<WatchJobsResponse>();
        using (var deadline = new CancellationTokenSource(TestTimeouts.Signal))
        {
            while (seen.LastOrDefault()?.Event.JobId != marker)
            {
                seen.Add(await received.Reader.ReadAsync(deadline.Token));
            }
        }
        await cancel.CancelAsync();
        await reading;
        call.Dispose();

        Assert.DoesNotContain(seen, r => r.Event.JobId == south);
        Assert.All(seen, r => Assert.Contains(r.ShopCode, new[] { "north", "east" }));
    }

    [Fact]
    public async Task EnqueueJob_OneShopKeyWithoutShop_QueuesForItsShopAndRefusesAnother()
    {
        await using var server = await StartWithShopsAsync();
        var key = await server.CreateKeyAsync("north-only", Roles.Operator, ["north"]);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);

        var enqueued = await jobs.EnqueueJobsAsync(new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(steps: 0) } }, Options(key));
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            jobs.EnqueueJobsAsync(new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(shop: "south", steps: 0) } }, Options(key)).ResponseAsync);

        Assert.Equal("north", (await server.Api.GetJobAsync(enqueued.JobIds[0])).ShopCode);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    private static async Task<InProcessServer> StartWithShopsAsync()
    {
        var server = await InProcessServer.StartAsync();
        foreach (var shop in new[] { "north", "south", "east" })
        {
            await server.Api.CreateShopAsync(shop);
        }
        return server;
    }

    private static CallOptions Options(string key) => new(AccessServer.Bearer(key), TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
}
