using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed class PaymentsTaskTests
{
    [Fact]
    public async Task SyncPaymentsAndDisputes_ImportEveryRecordOnceAndLinkSalesDocuments()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders);
        await server.RunAsync(SyncReportIds.CreateSalesOrders);

        var payments = await server.RunAsync(SyncReportIds.SyncPayments);
        var disputes = await server.RunAsync(SyncReportIds.SyncDisputes);
        var again = await server.RunAsync(SyncReportIds.SyncPayments);
        var charges = await server.RunAsync(SyncReportIds.SyncPayments, new Dictionary<string, string> { ["Type"] = "CHARGE" });

        Assert.Equal(JobResult.Succeeded, payments.Result);
        Assert.Equal(JobResult.Succeeded, disputes.Result);
        Assert.Equal(server.Store.Options.Disputes, disputes.Counters.Done);
        Assert.Equal(payments.Counters.Done, again.Counters.Done);
        await using var db = server.OpenDb();
        Assert.Equal(server.Store.Options.Payouts, await db.SyncPayouts.CountAsync());
        var rows = await db.ErpPayments.ToListAsync();
        Assert.Equal(payments.Counters.Done - server.Store.Options.Payouts, rows.Count);
        Assert.Equal(rows.Count(r => r.TransactionType == "CHARGE"), charges.Counters.Done - server.Store.Options.Payouts);
        Assert.Contains(rows, r => r.SalesDocumentNo is not null);
        Assert.Equal(server.Store.Options.Disputes, await db.SyncDisputes.CountAsync());
    }
}
