using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using SyncDirection = ShopSync.Connector.Shops.SyncDirection;

namespace ShopSync.Server.Tests.Sync;

public sealed partial class SyncProductsTests
{
    private const string SeededVariant = "gid://shopify/ProductVariant/200001";

    [Fact]
    public async Task SyncProducts_ToShopify_MapsBySkuCreatesNewItemsPushesPricesAndSecondRunSendsNothing()
    {
        await using var server = await SyncTestServer.StartAsync();
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
        await using var server = await SyncTestServer.StartAsync();
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
        await using var server = await SyncTestServer.StartAsync(shop: new() { ItemSync = SyncDirection.FromShopify });

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

    [Fact]
    public async Task SyncInventory_ErpStockDiffers_SetsAvailableOnceAndReadOnlyShopSkips()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { ItemSync = SyncDirection.FromShopify });
        await server.RunAsync(SyncReportIds.SyncProducts);
        string itemNo, variantCode;
        await using (var db = server.OpenDb())
        {
            var mapping = await db.SyncVariants.SingleAsync(v => v.ShopifyVariantId == SeededVariant);
            (itemNo, variantCode) = (mapping.ItemNo!, mapping.VariantCode);
        }
        await server.Book().UpsertStockAsync([new ErpStockInput(itemNo, variantCode, "MAIN-WAREHOUSE", 77)], CancellationToken.None);
        var inventoryItem = "gid://shopify/InventoryItem/300001";
        var location = server.Store.LocationIds[0];

        var run = await server.RunAsync(SyncReportIds.SyncInventory, new Dictionary<string, string> { ["Location Code"] = "MAIN-WAREHOUSE" });
        var second = await server.RunAsync(SyncReportIds.SyncInventory, new Dictionary<string, string> { ["Location Code"] = "MAIN-WAREHOUSE" });

        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.Equal(77, server.Store.GetInventoryQuantity(inventoryItem, location));
        Assert.Equal(1, server.Mutations("ShopSyncInventorySetQuantities"));
        Assert.Equal(JobResult.Succeeded, second.Result);

        await server.UpdateShopAsync(new ShopChanges { AllowOutgoingRequests = false });
        await server.Book().UpsertStockAsync([new ErpStockInput(itemNo, variantCode, "MAIN-WAREHOUSE", 5)], CancellationToken.None);
        var readOnly = await server.RunAsync(SyncReportIds.SyncInventory, options: new Dictionary<string, string> { ["Skip Import Stock"] = "false" });

        Assert.Equal(JobResult.SucceededWithWarnings, readOnly.Result);
        Assert.Equal(1, readOnly.Counters.Skipped);
        Assert.Equal(77, server.Store.GetInventoryQuantity(inventoryItem, location));
    }

    [Fact]
    public async Task SyncImages_FromShopifyThenToShopify_CopiesUrlsBothWaysOnce()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { ItemSync = SyncDirection.FromShopify, ImageSync = SyncDirection.FromShopify });
        await server.RunAsync(SyncReportIds.SyncProducts);

        var import = await server.RunAsync(SyncReportIds.SyncImages);

        Assert.Equal(JobResult.Succeeded, import.Result);
        string itemNo;
        await using (var db = server.OpenDb())
        {
            Assert.Equal(server.Store.GetProductImageUrls("gid://shopify/Product/100001").Count, await db.ErpItemPictures.CountAsync(p => p.ItemNo == db.SyncProducts.First(s => s.ShopifyProductId == "gid://shopify/Product/100001").ItemNo));
            itemNo = (await db.SyncProducts.SingleAsync(s => s.ShopifyProductId == "gid://shopify/Product/100001")).ItemNo!;
            db.ErpItemPictures.Add(new ErpItemPictureEntity { ItemNo = itemNo, Url = "https://erp.example.com/pictures/extra.jpg" });
            await db.SaveChangesAsync();
        }
        await server.UpdateShopAsync(new ShopChanges { ImageSync = SyncDirection.ToShopify });

        var export = await server.RunAsync(SyncReportIds.SyncImages);
        var again = await server.RunAsync(SyncReportIds.SyncImages);

        Assert.Equal(JobResult.Succeeded, export.Result);
        Assert.Contains("https://erp.example.com/pictures/extra.jpg", server.Store.GetProductImageUrls("gid://shopify/Product/100001"));
        Assert.Equal(1, server.Mutations("ShopSyncProductCreateMedia"));
        Assert.Equal(JobResult.Succeeded, again.Result);
    }
}
