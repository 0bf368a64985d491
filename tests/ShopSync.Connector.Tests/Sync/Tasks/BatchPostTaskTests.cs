using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Batch Post Sales Orders and Batch Post Sales Invoices in process: happy path, filters, a stop part-way and resume, idempotency.</summary>
public sealed class BatchPostTaskTests
{
    [Fact]
    public async Task BatchPost_OrdersAndInvoices_PostEachDocumentOnceOnThePostingDate()
    {
        await using var harness = await WithDocumentsAsync();
        var (orders, invoices) = await CountOpenAsync(harness);

        var postOrders = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders, options: new Dictionary<string, string> { ["Posting Date"] = "2025-03-01" });
        var postInvoices = await harness.RunAsync(SyncReportIds.BatchPostSalesInvoices);
        var again = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders);
        var invoicesAgain = await harness.RunAsync(SyncReportIds.BatchPostSalesInvoices);

        Assert.True(orders > 0 && invoices > 0, $"{orders} orders, {invoices} invoices");
        Assert.Equal(orders, postOrders.Progress.Counters.Done);
        Assert.Equal(invoices, postInvoices.Progress.Counters.Done);
        Assert.Equal((0L, 0L), (again.Progress.Counters.Done, invoicesAgain.Progress.Counters.Done));
        await using var db = harness.OpenDb();
        Assert.Equal(orders + invoices, await db.ErpPostedInvoices.CountAsync());
        Assert.Equal(0, await db.ErpSalesDocuments.CountAsync(d => d.Status == ErpSalesDocumentStatus.Open));
        Assert.All(await db.ErpPostedShipments.ToListAsync(), s => Assert.Equal(new DateOnly(2025, 3, 1), s.PostingDate));
    }

    [Fact]
    public async Task BatchPostSalesOrders_ShopifyOrderNoFilter_PostsOnlyThatOrder()
    {
        await using var harness = await WithDocumentsAsync();
        string orderNo;
        await using (var db = harness.OpenDb())
        {
            orderNo = (await db.ErpSalesDocuments.OrderBy(d => d.Id).FirstAsync(d => d.DocumentType == ErpSalesDocumentType.Order)).ShopifyOrderNo!;
        }

        var run = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders, new Dictionary<string, string> { ["Shopify Order No."] = orderNo });

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(1, run.Progress.Counters.Done);
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(orderNo, (await db.ErpPostedInvoices.SingleAsync()).ShopifyOrderNo);
        }
    }

    [Fact]
    public async Task BatchPostSalesOrders_StoppedAfterTwoDocuments_NextAttemptPostsTheRestOnce()
    {
        await using var harness = await WithDocumentsAsync();
        var (orders, _) = await CountOpenAsync(harness);

        var stopped = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders, stopAfterDone: 2);
        var resumed = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders, checkpoint: stopped.Progress.Checkpoint, attempt: 2);

        Assert.IsAssignableFrom<OperationCanceledException>(stopped.Error);
        Assert.Equal(2, stopped.Progress.Counters.Done);
        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(orders - 2, resumed.Progress.Counters.Done);
        await using var db = harness.OpenDb();
        var posted = await db.ErpPostedInvoices.Select(i => i.SourceDocumentNo).ToListAsync();
        Assert.Equal(orders, posted.Count);
        Assert.Equal(orders, posted.Distinct().Count());
    }

    private static async Task<SyncTaskHarness> WithDocumentsAsync()
    {
        var harness = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await harness.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1030" });
        await harness.RunAsync(SyncReportIds.CreateSalesOrders);
        return harness;
    }

    private static async Task<(int Orders, int Invoices)> CountOpenAsync(SyncTaskHarness harness)
    {
        await using var db = harness.OpenDb();
        return (await db.ErpSalesDocuments.CountAsync(d => d.DocumentType == ErpSalesDocumentType.Order),
            await db.ErpSalesDocuments.CountAsync(d => d.DocumentType == ErpSalesDocumentType.Invoice));
    }
}
