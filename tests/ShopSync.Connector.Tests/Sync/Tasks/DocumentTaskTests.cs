using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Sync;
using ShopSync.Queue.Entries;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Create Sales Orders, Sync Payments and Sync Disputes in process against the sandbox.</summary>
public sealed class DocumentTaskTests
{
    [Fact]
    public async Task CreateSalesOrders_AutoCreateOn_CreatesOneDocumentPerOpenOrderAndSecondRunNone()
    {
        await using var harness = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        Assert.True((await harness.RunAsync(SyncReportIds.SyncOrders)).Succeeded);

        var run = await harness.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Null(run.Error);
        int documents;
        await using (var db = harness.OpenDb())
        {
            var orders = await db.SyncOrders.ToListAsync();
            var cancelled = orders.Count(o => o.CancelledAt is not null);
            documents = await db.ErpSalesDocuments.CountAsync();
            Assert.Equal(orders.Count - cancelled, documents);
            Assert.Equal(orders.Count - cancelled, run.Progress.Counters.Done);
            Assert.All(orders.Where(o => o.CancelledAt is null), o => Assert.Equal(SyncOrderStatus.Processed, o.Status));
        }

        var again = await harness.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, again.Progress.Counters.Done);
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(documents, await db.ErpSalesDocuments.CountAsync());
        }
    }

    [Fact]
    public async Task CreateSalesOrders_AutoCreateOff_LeavesOrdersUnprocessedAndCreatesNoDocument()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        await harness.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1010" });

        var run = await harness.RunAsync(SyncReportIds.CreateSalesOrders);

        Assert.Null(run.Error);
        Assert.NotEqual(JobResult.Succeeded, run.Outcome!.Result);
        await using var db = harness.OpenDb();
        Assert.Equal(0, await db.ErpSalesDocuments.CountAsync());
        Assert.Equal(10, await db.SyncOrders.CountAsync());
    }

    [Fact]
    public async Task SyncPaymentsAndDisputes_ImportEveryRecordOnceAndTypeFilterNarrows()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();

        var payments = await harness.RunAsync(SyncReportIds.SyncPayments);
        var disputes = await harness.RunAsync(SyncReportIds.SyncDisputes);
        var again = await harness.RunAsync(SyncReportIds.SyncPayments);
        var charges = await harness.RunAsync(SyncReportIds.SyncPayments, new Dictionary<string, string> { ["Type"] = "CHARGE" });

        Assert.True(payments.Succeeded, payments.ToString());
        Assert.True(disputes.Succeeded, disputes.ToString());
        Assert.Equal(harness.Store.Options.Disputes, disputes.Progress.Counters.Done);
        Assert.Equal(payments.Progress.Counters.Done, again.Progress.Counters.Done);
        Assert.True(charges.Progress.Counters.Done < payments.Progress.Counters.Done);
        await using var db = harness.OpenDb();
        Assert.Equal(harness.Store.Options.Payouts, await db.SyncPayouts.CountAsync());
        Assert.Equal(harness.Store.Options.Disputes, await db.SyncDisputes.CountAsync());
    }

    [Fact]
    public async Task SyncDisputes_StoreFailsOnTheFirstPage_NextAttemptImportsEveryDisputeOnce()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        harness.Store.InjectFaults(new SandboxFault(SandboxFaultKind.ServiceUnavailable));

        var failed = await harness.RunAsync(SyncReportIds.SyncDisputes);
        var resumed = await harness.RunAsync(SyncReportIds.SyncDisputes, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.True(resumed.Succeeded, resumed.ToString());
        await using var db = harness.OpenDb();
        Assert.Equal(harness.Store.Options.Disputes, await db.SyncDisputes.CountAsync());
    }
}
