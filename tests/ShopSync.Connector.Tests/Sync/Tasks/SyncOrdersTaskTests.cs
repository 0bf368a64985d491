using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Sync;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Orders in process against the sandbox: happy path, filters, a fault and resume, idempotency.</summary>
public sealed class SyncOrdersTaskTests
{
    [Fact]
    public async Task SyncOrders_FirstRun_StagesEveryOrderAndSecondRunChangesNothing()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();

        var first = await harness.RunAsync(SyncReportIds.SyncOrders);

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(harness.Store.OrderCount, first.Progress.Counters.Done);
        await using (var db = harness.OpenDb())
        {
            var orders = await db.SyncOrders.Include(o => o.Lines).ToListAsync();
            Assert.Equal(harness.Store.OrderCount, orders.Count);
            Assert.All(orders, o => Assert.Equal(SyncOrderStatus.Unprocessed, o.Status));
            Assert.All(orders, o => Assert.NotEmpty(o.Lines));
        }

        var second = await harness.RunAsync(SyncReportIds.SyncOrders);

        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.Progress.Counters.Done);
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(harness.Store.OrderCount, await db.SyncOrders.CountAsync());
        }
    }

    [Fact]
    public async Task SyncOrders_FullyPaidAndChannelFilters_ImportOnlyMatchingOrders()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();

        var run = await harness.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Fully Paid"] = "true", ["Channel"] = "web|pos" });

        Assert.True(run.Succeeded, run.ToString());
        await using var db = harness.OpenDb();
        var orders = await db.SyncOrders.ToListAsync();
        Assert.NotEmpty(orders);
        Assert.True(orders.Count < harness.Store.OrderCount);
        Assert.All(orders, o => Assert.True(o.FullyPaid));
        Assert.All(orders, o => Assert.Contains(o.Channel, new[] { "web", "pos" }));
        Assert.Equal(orders.Count, run.Progress.Counters.Done);
    }

    [Fact]
    public async Task SyncOrders_StoreFailsAfterTwoPages_RetryResumesFromTheCheckpointWithoutDuplicates()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        harness.Faults.Arm(requests: 3, new SandboxFault(SandboxFaultKind.InternalServerError), count: 1);

        var failed = await harness.RunAsync(SyncReportIds.SyncOrders);

        Assert.NotNull(failed.Error);
        Assert.NotNull(failed.Progress.Checkpoint);
        int staged;
        await using (var db = harness.OpenDb())
        {
            staged = await db.SyncOrders.CountAsync();
        }

        Assert.InRange(staged, 1, harness.Store.OrderCount - 1);
        var before = harness.Store.Requests.Count;

        var resumed = await harness.RunAsync(SyncReportIds.SyncOrders, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(harness.Store.OrderCount - staged, resumed.Progress.Counters.Done);
        // Resuming does not read the pages before the checkpoint again.
        var pages = (harness.Store.OrderCount + 9) / 10;
        Assert.True(harness.Store.Requests.Count - before <= pages, $"{harness.Store.Requests.Count - before} requests after resuming");
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(harness.Store.OrderCount, await db.SyncOrders.CountAsync());
            Assert.Equal(harness.Store.OrderCount, await db.SyncOrders.Select(o => o.ShopifyOrderId).Distinct().CountAsync());
        }
    }
}
