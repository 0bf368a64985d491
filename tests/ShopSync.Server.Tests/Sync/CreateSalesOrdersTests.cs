using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

public sealed class CreateSalesOrdersTests
{
    [Fact]
    public async Task CreateSalesOrders_AutoCreateOn_CreatesOneDocumentPerOrderWithShopifyOrderNo()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders);

        var run = await server.RunAsync(SyncReportIds.CreateSalesOrders);

        // Cancelled orders are ignored, not skipped: a skip is what the Skipped Records cue lists (issue 16, defect 9).
        Assert.Equal(JobResult.Succeeded, run.Result);
        await using var db = server.OpenDb();
        var orders = await db.SyncOrders.ToListAsync();
        var cancelled = orders.Count(o => o.CancelledAt is not null);
        Assert.True(cancelled > 0);
        Assert.Equal(0, run.Counters.Skipped);
        Assert.Equal(0, await db.SyncRecordIssues.CountAsync());
        Assert.Equal(orders.Count - cancelled, run.Counters.Done);
        var documents = await db.ErpSalesDocuments.Include(d => d.Lines).ToListAsync();
        Assert.Equal(orders.Count - cancelled, documents.Count);
        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(d.ShopifyOrderNo)));
        var refunded = orders.Where(o => o.FinancialStatus == "Refunded").Select(o => o.ShopifyOrderId).ToHashSet();
        Assert.All(documents.Where(d => !refunded.Contains(d.ShopifyOrderId!)), d => Assert.Contains(d.Lines, l => l.LineType == ErpSalesLineType.Item && l.ItemNo != null));
        Assert.Contains(documents, d => d.DocumentType == ErpSalesDocumentType.Invoice);
        Assert.All(documents.Where(d => d.DocumentType == ErpSalesDocumentType.Invoice),
            d => Assert.Equal("Fulfilled", orders.Single(o => o.ShopifyOrderId == d.ShopifyOrderId).FulfillmentStatus));
        Assert.All(orders.Where(o => o.CancelledAt is null), o => Assert.Equal(SyncOrderStatus.Processed, o.Status));
        var customers = await db.ErpCustomers.ToListAsync();
        Assert.Equal(customers.Count, customers.Select(c => c.NormalizedEmail).Distinct().Count());
        Assert.Equal(await db.SyncVariants.CountAsync(), await db.ErpItemVariants.CountAsync());

        var again = await server.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Equal(JobResult.Succeeded, again.Result);
        Assert.Equal(0, again.Counters.Done);
        await using var after = server.OpenDb();
        Assert.Equal(documents.Count, await after.ErpSalesDocuments.CountAsync());
    }

    [Fact]
    public async Task CreateSalesOrders_UnknownCustomersAndAutoCreateOff_LeavesOrdersUnprocessedWithReason()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1010" });

        var run = await server.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(0, run.Counters.Done);
        await using var db = server.OpenDb();
        Assert.Equal(0, await db.ErpSalesDocuments.CountAsync());
        var waiting = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Unprocessed).ToListAsync();
        Assert.Equal(10, waiting.Count);
        Assert.All(waiting, o => Assert.Contains("auto_create_unknown_customers is off", o.ProcessingError, StringComparison.Ordinal));
        // The run's skips and the Skipped Records cue agree, each with its reason (issue 16, defect 9).
        Assert.Equal(10, run.Counters.Skipped);
        var issues = await db.SyncRecordIssues.Where(i => i.Kind == SyncRecordIssueKind.Skipped).ToListAsync();
        Assert.Equal(waiting.Select(o => o.OrderNo).Order(), issues.Select(i => i.RecordKey).Order());
        Assert.All(issues, i => Assert.Contains("auto_create_unknown_customers is off", i.Message, StringComparison.Ordinal));
        Assert.True(await db.SyncCustomers.CountAsync(c => c.CustomerNo == null) > 0);
    }

    [Fact]
    public async Task CreateSalesOrders_CustomerKnownInErpByEmail_UsesThatCustomer()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
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
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = false });
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
