using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Images in process against the sandbox: both directions, the item filter, a fault and resume, idempotency.</summary>
public sealed class ImagesTaskTests
{
    private const string Product = "gid://shopify/Product/100001";
    private const string CreateMedia = "ShopSyncProductCreateMedia";

    [Fact]
    public async Task SyncImages_FromShopifyThenToShopify_CopiesUrlsBothWaysOnce()
    {
        await using var harness = await MappedAsync(SyncDirection.FromShopify);

        var import = await harness.RunAsync(SyncReportIds.SyncImages);

        Assert.True(import.Succeeded, import.ToString());
        var itemNo = await ItemOfAsync(harness, Product);
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(harness.Store.GetProductImageUrls(Product).Count, await db.ErpItemPictures.CountAsync(p => p.ItemNo == itemNo));
            db.ErpItemPictures.Add(new ErpItemPictureEntity { ItemNo = itemNo, Url = "https://erp.example.com/pictures/extra.jpg" });
            await db.SaveChangesAsync();
        }

        await harness.UpdateShopAsync(new ShopChanges { ImageSync = SyncDirection.ToShopify });
        var export = await harness.RunAsync(SyncReportIds.SyncImages);
        var again = await harness.RunAsync(SyncReportIds.SyncImages);

        Assert.True(export.Succeeded, export.ToString());
        Assert.Contains("https://erp.example.com/pictures/extra.jpg", harness.Store.GetProductImageUrls(Product));
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(1, harness.Mutations(CreateMedia));
    }

    [Fact]
    public async Task SyncImages_ItemFilter_ImportsOnlyThatItemsPicturesAndImportTwiceAddsNothing()
    {
        await using var harness = await MappedAsync(SyncDirection.FromShopify);
        var itemNo = await ItemOfAsync(harness, Product);

        var one = await harness.RunAsync(SyncReportIds.SyncImages, new Dictionary<string, string> { ["Item No."] = itemNo });
        int afterOne;
        await using (var db = harness.OpenDb())
        {
            afterOne = await db.ErpItemPictures.CountAsync();
            Assert.Equal(afterOne, await db.ErpItemPictures.CountAsync(p => p.ItemNo == itemNo));
        }

        var all = await harness.RunAsync(SyncReportIds.SyncImages);
        var again = await harness.RunAsync(SyncReportIds.SyncImages);

        Assert.True(one.Succeeded && all.Succeeded && again.Succeeded, $"{one} / {all} / {again}");
        Assert.Equal(harness.Store.GetProductImageUrls(Product).Count, afterOne);
        await using (var db = harness.OpenDb())
        {
            var pictures = await db.ErpItemPictures.Select(p => new { p.ItemNo, p.Url }).ToListAsync();
            Assert.True(pictures.Count > afterOne);
            Assert.Equal(pictures.Count, pictures.Distinct().Count());
        }
    }

    [Fact]
    public async Task SyncImages_StoreFailsOnTheSecondPage_RetryResumesFromTheCheckpointAndImportsEveryPictureOnce()
    {
        // 20 products: two pages of 10 (products with their images).
        await using var harness = await MappedAsync(SyncDirection.FromShopify);
        harness.Faults.Arm(requests: 1, new SandboxFault(SandboxFaultKind.InternalServerError), count: 1);

        var failed = await harness.RunAsync(SyncReportIds.SyncImages);
        var resumed = await harness.RunAsync(SyncReportIds.SyncImages, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.NotNull(failed.Progress.Checkpoint);
        Assert.Equal(1, failed.Progress.Counters.Pages);
        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(1, resumed.Progress.Counters.Pages);
        await using var db = harness.OpenDb();
        var pictures = await db.ErpItemPictures.Select(p => new { p.ItemNo, p.Url }).ToListAsync();
        var products = await db.SyncProducts.Select(p => p.ShopifyProductId).ToListAsync();
        Assert.Equal(products.Sum(p => harness.Store.GetProductImageUrls(p).Count), pictures.Count);
        Assert.Equal(pictures.Count, pictures.Distinct().Count());
    }

    private static async Task<SyncTaskHarness> MappedAsync(SyncDirection images)
    {
        var harness = await SyncTaskHarness.CreateAsync(shop: new ShopChanges { ItemSync = SyncDirection.FromShopify, ImageSync = images });
        var products = await harness.RunAsync(SyncReportIds.SyncProducts);
        Assert.True(products.Succeeded, products.ToString());
        return harness;
    }

    private static async Task<string> ItemOfAsync(SyncTaskHarness harness, string productId)
    {
        await using var db = harness.OpenDb();
        return (await db.SyncProducts.SingleAsync(p => p.ShopifyProductId == productId)).ItemNo!;
    }
}
