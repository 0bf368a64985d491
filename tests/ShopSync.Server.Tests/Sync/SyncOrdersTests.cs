using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

public sealed class SyncOrdersTests
{
    [Fact]
    public async Task SyncOrders_FirstRun_StagesEveryOrderWithStatusesAndSecondRunChangesNothing()
    {
        await using var server = await SyncTestServer.StartAsync();

        var first = await server.RunAsync(SyncReportIds.SyncOrders);

        Assert.Equal(JobResult.Succeeded, first.Result);
        Assert.Equal(server.Store.OrderCount, first.Counters.Done);
        Assert.True(first.Counters.Pages >= 6, first.Describe());
        Assert.Contains(first.Progress, p => p.Message.StartsWith("Page 1:", StringComparison.Ordinal));
        // The orders are counted first (ordersCount), so each page moves a real percent forward: page n of the
        // 10-order pages stands at n*10 of the total (at most 99 until the end). Progress is coalesced: check those seen.
        var pagesSeen = first.Progress
            .Select(p => (p.Percent, Match: System.Text.RegularExpressions.Regex.Match(p.Message, @"^Page (\d+):")))
            .Where(p => p.Match.Success)
            .Select(p => (p.Percent, Page: int.Parse(p.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(pagesSeen);
        Assert.All(pagesSeen, p => Assert.Equal(Math.Min(99, p.Page * 10 * 100 / server.Store.OrderCount), p.Percent));
        await using (var db = server.OpenDb())
        {
            var orders = await db.SyncOrders.Include(o => o.Lines).ToListAsync();
            Assert.Equal(server.Store.OrderCount, orders.Count);
            Assert.All(orders, o => Assert.Equal(SyncOrderStatus.Unprocessed, o.Status));
            Assert.All(orders, o => Assert.NotEmpty(o.Lines));
            var first1001 = orders.Single(o => o.OrderNo == "1001");
            Assert.Equal(7, orders.Select(o => o.FinancialStatus).Distinct().Count());
            Assert.Equal(["Fulfilled", "Partially Fulfilled", "Unfulfilled"], orders.Select(o => o.FulfillmentStatus).Distinct().Order());
            Assert.True(first1001.HighRisk);
            Assert.Equal("web", first1001.Channel);
            Assert.Contains(orders, o => o.FullyPaid && o.FinancialStatus == "Paid");
            Assert.NotNull(await db.SyncWatermarks.SingleAsync(w => w.ShopCode == SyncTestServer.ShopCode && w.Name == "orders"));
        }

        var second = await server.RunAsync(SyncReportIds.SyncOrders);

        Assert.Equal(JobResult.Succeeded, second.Result);
        Assert.Equal(0, second.Counters.Done);
        await using (var db = server.OpenDb())
        {
            Assert.Equal(server.Store.OrderCount, await db.SyncOrders.CountAsync());
        }
    }

    [Fact]
    public async Task SyncOrders_FullyPaidFilter_ImportsOnlyFullyPaidOrders()
    {
        await using var server = await SyncTestServer.StartAsync();

        var run = await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Fully Paid"] = "true", ["Channel"] = "web|pos" });

        Assert.Equal(JobResult.Succeeded, run.Result);
        await using var db = server.OpenDb();
        var orders = await db.SyncOrders.ToListAsync();
        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.True(o.FullyPaid));
        Assert.All(orders, o => Assert.Contains(o.Channel, new[] { "web", "pos" }));
        Assert.Equal(orders.Count, run.Counters.Done);
    }

    [Fact]
    public async Task SyncOrders_FinancialStatusFilter_IsPushedToShopifyAndHonoured()
    {
        await using var server = await SyncTestServer.StartAsync();

        var run = await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Financial Status"] = "Partially Paid" });

        Assert.Equal(JobResult.Succeeded, run.Result);
        await using var db = server.OpenDb();
        var statuses = await db.SyncOrders.Select(o => o.FinancialStatus).Distinct().ToListAsync();
        Assert.Equal(["Partially Paid"], statuses);
    }

    [Fact]
    public async Task SyncOrders_OrderChangedAfterItsSalesDocument_IsMarkedAsAnOrderUpdate()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders);
        var created = await server.RunAsync(SyncReportIds.CreateSalesOrders);
        Assert.True(created.Counters.Done > 0, created.Describe());
        string orderId;
        await using (var db = server.OpenDb())
        {
            orderId = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Processed).Select(o => o.ShopifyOrderId).FirstAsync();
        }
        Assert.True(server.Store.TouchOrder(orderId, addTag: "changed"));

        var rerun = await server.RunAsync(SyncReportIds.SyncOrders);

        Assert.Equal(JobResult.Succeeded, rerun.Result);
        await using (var db = server.OpenDb())
        {
            var order = await db.SyncOrders.SingleAsync(o => o.ShopifyOrderId == orderId);
            Assert.True(order.HasUnprocessedUpdate);
            Assert.Contains("changed", order.Tags, StringComparison.Ordinal);
            Assert.Equal(1, await db.SyncOrders.CountAsync(o => o.HasUnprocessedUpdate));
            Assert.Equal(1, await db.ErpSalesDocuments.CountAsync(d => d.ShopifyOrderId == orderId));
        }
    }

    [Fact]
    public async Task SyncOrders_NoShopOnTheEntry_RefusedAtEnqueueNamingShopCode()
    {
        await using var server = await SyncTestServer.StartAsync();

        var error = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => server.RunAsync(SyncReportIds.SyncOrders, shopCode: ""));

        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("shop_code: is required for task 30104 Sync Orders from Shopify", error.Status.Detail, StringComparison.Ordinal);
    }
}
