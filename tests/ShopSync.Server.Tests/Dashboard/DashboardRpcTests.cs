using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access;
using ShopSync.Server.Tests.Access;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Dashboard;

/// <summary>The dashboard's RPCs through the real server: search, the category overview and bulk actions, with scopes and the audit trail.</summary>
public sealed class DashboardRpcTests
{
    [Fact]
    public async Task ListJobs_Text_FindsByDescriptionAndRefusesOver100Characters()
    {
        await using var server = await InProcessServer.StartAsync();
        var jobs = Jobs(server);
        var wanted = Later(Requests.Diagnostics(steps: 0));
        wanted.Description = "Nightly price check for Contoso";
        var id = await server.Api.EnqueueBackgroundAsync(wanted);
        await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(steps: 0)));

        var found = await jobs.ListJobsAsync(new ListJobsRequest { Text = "contoso" });
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => jobs.ListJobsAsync(new ListJobsRequest { Text = new string('x', 101) }).ResponseAsync);

        Assert.Equal([id], found.Jobs.Select(j => j.Id));
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.StartsWith("text:", tooLong.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCategories_RunningAndWaiting_ShowsRunWaitingCountsAndThroughput()
    {
        await using var server = await InProcessServer.StartAsync();
        var jobs = Jobs(server);
        var running = await server.Api.EnqueueBackgroundAsync(Requests.Gated("OVERVIEW"));
        await server.Gate.WaitStartedAsync(running);
        var waiting = await server.Api.EnqueueBackgroundAsync(Requests.Gated("OVERVIEW"));
        var held = Requests.Gated("OVERVIEW");
        held.OnHold = true;
        await server.Api.EnqueueBackgroundAsync(held);

        var overview = Assert.Single((await jobs.ListCategoriesAsync(new ListCategoriesRequest { ThroughputMinutes = 5 })).Categories, c => c.CategoryCode == "OVERVIEW");
        server.Gate.Release(running);
        await server.Api.WaitForStatusAsync(running, JobStatus.Finished);
        var after = await Eventually.ReturnsAsync(
            async () => (await jobs.ListCategoriesAsync(new ListCategoriesRequest())).Categories.Single(c => c.CategoryCode == "OVERVIEW"),
            c => c.FinishedPerMinute.Sum() >= 1,
            "the finished run to count in the throughput",
            TestTimeouts.Signal);

        Assert.Equal(running, overview.Running.Id);
        Assert.Equal(1, overview.Waiting);
        Assert.Equal(1, overview.OnHold);
        Assert.Equal(waiting, overview.OldestWaiting.Id);
        Assert.Equal(5, overview.FinishedPerMinute.Count);
        Assert.All(overview.FinishedPerMinute, n => Assert.Equal(0, n));
        Assert.Equal(15, after.FinishedPerMinute.Count);
    }

    [Fact]
    public async Task ListCategories_KeyScopedToOneShop_CountsOnlyItsEntries()
    {
        await using var server = await StartWithShopsAsync();
        await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "north", steps: 0, category: "NORTHCAT")));
        await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "south", steps: 0, category: "SOUTHCAT")));
        var key = await server.CreateKeyAsync("north-viewer", Roles.Viewer, ["north"]);

        var scoped = await Jobs(server).ListCategoriesAsync(new ListCategoriesRequest(), Options(key));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Jobs(server).ListCategoriesAsync(new ListCategoriesRequest { ShopCode = "south" }, Options(key)).ResponseAsync);

        Assert.Equal(["NORTHCAT"], scoped.Categories.Select(c => c.CategoryCode));
        Assert.Equal(1, scoped.Categories[0].Ready);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task BulkUpdateJobs_HoldOnFilter_DryRunGuardThenAppliesAndAudits()
    {
        await using var server = await StartWithShopsAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "north", steps: 0))));
        }
        await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "south", steps: 0)));
        var jobs = Jobs(server);
        var filter = new JobFilter { ShopCode = "north", Statuses = { JobStatus.Ready } };

        var dry = await jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = filter, DryRun = true });
        var stale = await Assert.ThrowsAsync<RpcException>(() =>
            jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = filter, ExpectedCount = 2 }).ResponseAsync);
        var done = await jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = filter, ExpectedCount = 3 });
        var again = await jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest
        {
            Action = BulkAction.Hold, Filter = new JobFilter { ShopCode = "north" },
        });

        Assert.Equal((3, 0, true), (dry.Matched, dry.Applied, dry.DryRun));
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        Assert.Contains("expected_count", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("3", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((3, 3), (done.Matched, done.Applied));
        Assert.Empty(done.Skipped);
        foreach (var id in ids)
        {
            Assert.Equal(JobStatus.OnHold, (await server.Api.GetJobAsync(id)).Status);
        }
        Assert.Equal((3, 0, 3), (again.Matched, again.Applied, again.Skipped.Count));
        Assert.All(again.Skipped, s => Assert.Contains("already On Hold", s.Reason, StringComparison.Ordinal));

        var audit = (await new AuditService.AuditServiceClient(server.Api.Channel.Invoker).ListAuditEventsAsync(new ListAuditEventsRequest())).Events
            .Where(e => e.Rpc == "shopsync.v1.JobQueueService/BulkUpdateJobs").ToList();
        Assert.Equal(4, audit.Count);
        Assert.Contains(audit, e => e.Outcome == AuditOutcome.Succeeded && e.Detail == "HOLD on a filter: matched 3, applied 3, skipped 0");
        Assert.Contains(audit, e => e.Outcome == AuditOutcome.Succeeded && e.Detail == "HOLD on a filter: matched 3 (dry run)");
        Assert.Contains(audit, e => e.Outcome == AuditOutcome.Failed && e.StatusCode == "FAILED_PRECONDITION");
    }

    [Fact]
    public async Task BulkUpdateJobs_ScopedOperator_TouchesOnlyItsShops()
    {
        await using var server = await StartWithShopsAsync();
        var north = await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "north", steps: 0)));
        var south = await server.Api.EnqueueBackgroundAsync(Later(Requests.Diagnostics(shop: "south", steps: 0)));
        var key = await server.CreateKeyAsync("north-operator", Roles.Operator, ["north"]);
        var jobs = Jobs(server);

        var onFilter = await jobs.BulkUpdateJobsAsync(new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = new JobFilter() }, Options(key));
        var onIds = await jobs.BulkUpdateJobsAsync(
            new BulkUpdateJobsRequest { Action = BulkAction.Delete, Ids = new JobIdList { JobIds = { north, south } } }, Options(key));
        var otherShop = await Assert.ThrowsAsync<RpcException>(() => jobs.BulkUpdateJobsAsync(
            new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = new JobFilter { ShopCode = "south" } }, Options(key)).ResponseAsync);

        Assert.Equal((1, 1), (onFilter.Matched, onFilter.Applied));
        Assert.Equal((1, 1), (onIds.Matched, onIds.Applied));
        Assert.Equal(south, Assert.Single(onIds.Skipped).JobId);
        Assert.Equal("not found", onIds.Skipped[0].Reason);
        Assert.Equal(StatusCode.NotFound, otherShop.StatusCode);
        var left = await server.Api.GetJobAsync(south);
        Assert.Equal(JobStatus.Ready, left.Status);
        await Assert.ThrowsAsync<RpcException>(() => server.Api.GetJobAsync(north));
    }

    [Fact]
    public async Task BulkUpdateJobs_Viewer_PermissionDenied()
    {
        await using var server = await StartWithShopsAsync();
        var key = await server.CreateKeyAsync("watcher", Roles.Viewer);

        var denied = await Assert.ThrowsAsync<RpcException>(() => Jobs(server).BulkUpdateJobsAsync(
            new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = new JobFilter(), DryRun = true }, Options(key)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("'jobs.control'", denied.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BulkAction.Unspecified, "ids", "action")]
    [InlineData(BulkAction.Hold, "none", "selection")]
    [InlineData(BulkAction.Hold, "empty", "ids.job_ids")]
    [InlineData(BulkAction.Hold, "bad", "ids.job_ids[1]")]
    [InlineData(BulkAction.Hold, "text", "filter.text")]
    [InlineData(BulkAction.Hold, "status", "filter.statuses[0]")]
    public async Task BulkUpdateJobs_BadRequest_InvalidArgumentNamingTheField(BulkAction action, string selection, string field)
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new BulkUpdateJobsRequest { Action = action };
        switch (selection)
        {
            case "ids":
                request.Ids = new JobIdList { JobIds = { Guid.NewGuid().ToString() } };
                break;
            case "empty":
                request.Ids = new JobIdList();
                break;
            case "bad":
                request.Ids = new JobIdList { JobIds = { Guid.NewGuid().ToString(), "nope" } };
                break;
            case "text":
                request.Filter = new JobFilter { Text = new string('y', 101) };
                break;
            case "status":
                request.Filter = new JobFilter { Statuses = { JobStatus.Unspecified } };
                break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Jobs(server).BulkUpdateJobsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
    }

    internal static EnqueueJobRequest Later(EnqueueJobRequest request)
    {
        request.EarliestStart = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddHours(1));
        return request;
    }

    internal static async Task<InProcessServer> StartWithShopsAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await InProcessServer.StartAsync(settings: settings);
        foreach (var shop in new[] { "north", "south" })
        {
            await server.Api.CreateShopAsync(shop);
        }
        return server;
    }

    private static JobQueueService.JobQueueServiceClient Jobs(InProcessServer server) => new(server.Api.Channel.Invoker);

    private static CallOptions Options(string key) => new(AccessServer.Bearer(key), TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
}
