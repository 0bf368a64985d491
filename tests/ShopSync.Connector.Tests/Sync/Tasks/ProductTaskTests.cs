using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using SyncDirection = ShopSync.Connector.Shops.SyncDirection;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed partial class ProductTaskTests
{
    private const string SeededVariant = "gid://shopify/ProductVariant/200001";

    [Fact]
    public async Task SyncProducts_ToShopify_MapsBySkuCreatesNewItemsPushesPricesAndSecondRunSendsNothing()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        var products = server.Store.ProductCount;
        await server.Book().UpsertItemsAsync(
        [
            new ErpItemInput("SKU-0001-1", "Seeded item", "SKU-0001-1", null, 123.45m),
            new ErpItemInput("NEW-1", "Brand new item", "NEW-SKU-1", null, 10m),
        ], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(products + 1, server.Store.ProductCount);
        Assert.Equal(123.45m, server.Store.GetVariantPrice(SeededVariant));
        await using (var db = server.OpenDb())
        {
            Assert.Equal(2, await db.SyncProducts.CountAsync(p => p.ItemNo != null));
            Assert.Equal(products - 1, await db.SyncProducts.CountAsync(p => p.ItemNo == null));
        }
        var mutations = server.Store.Requests.Count(r => r.IsMutation);

        var second = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, second.Result);
        Assert.Equal(mutations, server.Store.Requests.Count(r => r.IsMutation));
        Assert.Equal(products + 1, server.Store.ProductCount);
    }

    [Fact]
    public async Task SyncProducts_OnlySyncPrices_SendsPricesButCreatesNoProducts()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        var products = server.Store.ProductCount;
        await server.Book().UpsertItemsAsync(
        [
            new ErpItemInput("SKU-0001-1", "Seeded item", "SKU-0001-1", null, 77m),
            new ErpItemInput("NEW-1", "Brand new item", "NEW-SKU-1", null, 10m),
        ], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts, options: new Dictionary<string, string> { ["Only Sync Prices"] = "true" });

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Equal(products, server.Store.ProductCount);
        Assert.Equal(77m, server.Store.GetVariantPrice(SeededVariant));
    }

    [Fact]
    public async Task SyncProducts_FromShopify_CreatesOneItemPerProductWithVariantsOnce()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { ItemSync = SyncDirection.FromShopify });

        var run = await server.RunAsync(SyncReportIds.SyncProducts);
        var second = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.Equal(JobResult.Succeeded, second.Result);
        await using var db = server.OpenDb();
        Assert.Equal(server.Store.ProductCount, await db.ErpItems.CountAsync());
        Assert.Equal(server.Store.InventoryItemIds.Count, await db.ErpItemVariants.CountAsync());
        Assert.Equal(0, await db.SyncProducts.CountAsync(p => p.ItemNo == null));
        Assert.Equal(0, server.Store.Requests.Count(r => r.IsMutation));
    }
}
