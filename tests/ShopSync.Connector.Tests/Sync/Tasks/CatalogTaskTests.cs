using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Catalogs and Sync Catalog Prices in process against the sandbox: happy path, filters, a fault and resume, idempotency.</summary>
public sealed class CatalogTaskTests
{
    private const string SeededVariant = "gid://shopify/ProductVariant/200001";
    private const string FixedPricesAdd = "ShopSyncPriceListFixedPricesAdd";

    [Fact]
    public async Task SyncCatalogs_RunTwice_ImportsEachCatalogOnceWithItsPriceGroup()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();

        var first = await harness.RunAsync(SyncReportIds.SyncCatalogs);
        var second = await harness.RunAsync(SyncReportIds.SyncCatalogs);

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(first.Progress.Counters.Done, second.Progress.Counters.Done);
        await using var db = harness.OpenDb();
        var catalogs = await db.SyncCatalogs.ToListAsync();
        Assert.Equal(Math.Min(harness.Store.Options.Companies, 3), catalogs.Count);
        Assert.All(catalogs, c => Assert.Equal(SyncCatalogsHandler.PriceGroupFor(c.Title), c.PriceGroup));
        Assert.Equal(catalogs.Count, catalogs.Select(c => c.ShopifyCatalogId).Distinct().Count());
    }

    [Fact]
    public async Task SyncCatalogs_TitleFilter_ImportsOnlyThatCatalog()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        await harness.RunAsync(SyncReportIds.SyncCatalogs);
        string title;
        await using (var db = harness.OpenDb())
        {
            title = (await db.SyncCatalogs.OrderBy(c => c.Id).LastAsync()).Title;
            await db.SyncCatalogs.ExecuteDeleteAsync();
        }

        var run = await harness.RunAsync(SyncReportIds.SyncCatalogs, new Dictionary<string, string> { ["Title"] = title });

        Assert.True(run.Succeeded, run.ToString());
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(title, (await db.SyncCatalogs.SingleAsync()).Title);
        }
    }

    [Fact]
    public async Task SyncCatalogs_StoreFailsOnTheFirstPage_NextAttemptImportsEveryCatalog()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        harness.Store.InjectFaults(new SandboxFault(SandboxFaultKind.InternalServerError));

        var failed = await harness.RunAsync(SyncReportIds.SyncCatalogs);
        var resumed = await harness.RunAsync(SyncReportIds.SyncCatalogs, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.True(resumed.Succeeded, resumed.ToString());
        await using var db = harness.OpenDb();
        Assert.Equal(Math.Min(harness.Store.Options.Companies, 3), await db.SyncCatalogs.CountAsync());
    }

    [Fact]
    public async Task SyncCatalogPrices_PriceGroupPrice_IsSentOnceToTheCatalogPriceList()
    {
        await using var harness = await WithCatalogsAsync();
        var (catalog, itemNo) = await FirstCatalogAsync(harness);
        await harness.Book().UpsertPricesAsync([new ErpPriceInput(itemNo, "", catalog.PriceGroup, 1.23m)], CancellationToken.None);

        var run = await harness.RunAsync(SyncReportIds.SyncCatalogPrices, new Dictionary<string, string> { ["Price Group"] = catalog.PriceGroup });
        var again = await harness.RunAsync(SyncReportIds.SyncCatalogPrices, new Dictionary<string, string> { ["Price Group"] = catalog.PriceGroup });

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(1.23m, harness.Store.GetFixedPrice(catalog.PriceListId!, SeededVariant));
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(1, harness.Mutations(FixedPricesAdd));
    }

    [Fact]
    public async Task SyncCatalogPrices_OtherPriceGroupFilter_SendsNothing()
    {
        await using var harness = await WithCatalogsAsync();
        var (catalog, itemNo) = await FirstCatalogAsync(harness);
        await harness.Book().UpsertPricesAsync([new ErpPriceInput(itemNo, "", catalog.PriceGroup, 2.34m)], CancellationToken.None);

        var run = await harness.RunAsync(SyncReportIds.SyncCatalogPrices, new Dictionary<string, string> { ["Price Group"] = "NO-SUCH-GROUP" });

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(0, harness.Mutations(FixedPricesAdd));
        Assert.NotEqual(2.34m, harness.Store.GetFixedPrice(catalog.PriceListId!, SeededVariant));
    }

    [Fact]
    public async Task SyncCatalogPrices_StoreFailsOnTheFirstRequest_NextAttemptSendsThePriceOnce()
    {
        await using var harness = await WithCatalogsAsync();
        var (catalog, itemNo) = await FirstCatalogAsync(harness);
        await harness.Book().UpsertPricesAsync([new ErpPriceInput(itemNo, "", catalog.PriceGroup, 3.45m)], CancellationToken.None);
        harness.Store.InjectFaults(new SandboxFault(SandboxFaultKind.ServiceUnavailable));
        var filter = new Dictionary<string, string> { ["Price Group"] = catalog.PriceGroup };

        var failed = await harness.RunAsync(SyncReportIds.SyncCatalogPrices, filter);
        var resumed = await harness.RunAsync(SyncReportIds.SyncCatalogPrices, filter, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(3.45m, harness.Store.GetFixedPrice(catalog.PriceListId!, SeededVariant));
        Assert.Equal(1, harness.Mutations(FixedPricesAdd));
    }

    private static async Task<SyncTaskHarness> WithCatalogsAsync()
    {
        var harness = await SyncTaskHarness.CreateAsync(shop: new() { ItemSync = SyncDirection.FromShopify });
        Assert.True((await harness.RunAsync(SyncReportIds.SyncProducts)).Succeeded);
        Assert.True((await harness.RunAsync(SyncReportIds.SyncCatalogs)).Succeeded);
        return harness;
    }

    private static async Task<(SyncCatalogEntity Catalog, string ItemNo)> FirstCatalogAsync(SyncTaskHarness harness)
    {
        await using var db = harness.OpenDb();
        var catalog = await db.SyncCatalogs.OrderBy(c => c.Id).FirstAsync();
        var itemNo = (await db.SyncVariants.SingleAsync(v => v.ShopifyVariantId == SeededVariant)).ItemNo!;
        return (catalog, itemNo);
    }
}
