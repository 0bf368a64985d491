using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed class SyncOrdersStatusTaskTests
{
    [Fact]
    public async Task SyncOrders_FinancialStatusFilter_IsPushedToShopifyAndHonoured()
    {
        await using var server = await SyncTaskHarness.CreateAsync();

        var run = await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Financial Status"] = "Partially Paid" });

        Assert.Equal(JobResult.Succeeded, run.Result);
        await using var db = server.OpenDb();
        var statuses = await db.SyncOrders.Select(o => o.FinancialStatus).Distinct().ToListAsync();
        Assert.Equal(["Partially Paid"], statuses);
    }

    [Fact]
    public async Task SyncOrders_OrderChangedAfterItsSalesDocument_IsMarkedAsAnOrderUpdate()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
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
}
