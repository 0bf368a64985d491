using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed class CreateSalesOrdersTaskTests
{
    [Fact]
    public async Task CreateSalesOrders_CustomerKnownInErpByEmail_UsesThatCustomer()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001" });
        string email;
        await using (var db = server.OpenDb())
        {
            email = (await db.SyncOrders.SingleAsync()).Email!;
        }
        var book = server.Services.GetService(typeof(ErpBook)) as ErpBook;
        await book!.UpsertCustomersAsync([new ErpCustomerInput("K100", "Known Customer", Email: email.ToUpperInvariant())], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Equal(JobResult.Succeeded, run.Result);
        await using var check = server.OpenDb();
        Assert.Equal("K100", (await check.ErpSalesDocuments.SingleAsync()).CustomerNo);
    }

    [Fact]
    public async Task CreateSalesOrders_UnknownItemsAndAutoCreateOff_LeavesOrdersUnprocessedNamingTheSku()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = false });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1005" });

        var run = await server.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        await using var db = server.OpenDb();
        // Only fully refunded orders (no quantity left on any line) need no item.
        var documents = await db.ErpSalesDocuments.CountAsync();
        Assert.Equal(0, await db.ErpSalesLines.CountAsync(l => l.LineType == ErpSalesLineType.Item));
        Assert.Equal(0, await db.ErpItems.CountAsync());
        var waiting = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Unprocessed).ToListAsync();
        Assert.True(waiting.Count >= 3);
        Assert.Equal(5 - documents, waiting.Count);
        Assert.All(waiting, o => Assert.Matches("no ERP item has SKU \"SKU-[0-9]+-[0-9]\".*auto_create_unknown_items is off", o.ProcessingError));
    }
}
