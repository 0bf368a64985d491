using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

public sealed class SyncPaymentsTests
{
    [Fact]
    public async Task SyncPaymentsAndDisputes_ImportEveryRecordOnceAndLinkSalesDocuments()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
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

    [Fact]
    public async Task SyncCatalogPrices_PriceGroupPrices_AreSentOnceToTheCatalogPriceList()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { ItemSync = ShopSync.Connector.Shops.SyncDirection.FromShopify });
        await server.RunAsync(SyncReportIds.SyncProducts);
        var catalogs = await server.RunAsync(SyncReportIds.SyncCatalogs);
        Assert.Equal(JobResult.Succeeded, catalogs.Result);
        SyncCatalogEntity catalog;
        string itemNo;
        await using (var db = server.OpenDb())
        {
            Assert.Equal(Math.Min(server.Store.Options.Companies, 3), await db.SyncCatalogs.CountAsync());
            catalog = await db.SyncCatalogs.OrderBy(c => c.Id).FirstAsync();
            itemNo = (await db.SyncVariants.SingleAsync(v => v.ShopifyVariantId == "gid://shopify/ProductVariant/200001")).ItemNo!;
        }
        await server.Book().UpsertPricesAsync([new ErpPriceInput(itemNo, "", catalog.PriceGroup, 1.23m)], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCatalogPrices, new Dictionary<string, string> { ["Price Group"] = catalog.PriceGroup });
        var again = await server.RunAsync(SyncReportIds.SyncCatalogPrices, new Dictionary<string, string> { ["Price Group"] = catalog.PriceGroup });

        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.Equal(1.23m, server.Store.GetFixedPrice(catalog.PriceListId!, "gid://shopify/ProductVariant/200001"));
        Assert.Equal(1, server.Mutations("ShopSyncPriceListFixedPricesAdd"));
        Assert.Equal(JobResult.Succeeded, again.Result);
    }
}
