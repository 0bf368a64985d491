using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Queue.Entries;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Inventory in process against the sandbox: happy path, filters, a fault and resume, idempotency.</summary>
public sealed class InventoryTaskTests
{
    private const string Location = "MAIN-WAREHOUSE";
    private const string SetQuantities = "ShopSyncInventorySetQuantities";
    private const string SeededVariant = "gid://shopify/ProductVariant/200001";

    [Fact]
    public async Task SyncInventory_ErpStockDiffers_SetsAvailableOnceAndSecondRunSendsNothing()
    {
        await using var harness = await MappedAsync();
        var (variant, _) = await TwoVariantsAsync(harness);
        await harness.Book().UpsertStockAsync([new ErpStockInput(variant.ItemNo!, variant.VariantCode, Location, 77)], CancellationToken.None);

        var first = await harness.RunAsync(SyncReportIds.SyncInventory, Filter(Location));
        var second = await harness.RunAsync(SyncReportIds.SyncInventory, Filter(Location));

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(77, harness.Store.GetInventoryQuantity(variant.InventoryItemId!, harness.Store.LocationIds[0]));
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(1, harness.Mutations(SetQuantities));
    }

    [Fact]
    public async Task SyncInventory_ItemAndLocationFilters_SendOnlyMatchingQuantities()
    {
        await using var harness = await MappedAsync();
        var (chosen, other) = await TwoVariantsAsync(harness);
        var location = harness.Store.LocationIds[0];
        var otherBefore = harness.Store.GetInventoryQuantity(other.InventoryItemId!, location);
        await harness.Book().UpsertStockAsync(
        [
            new ErpStockInput(chosen.ItemNo!, chosen.VariantCode, Location, 501),
            new ErpStockInput(other.ItemNo!, other.VariantCode, Location, 502),
        ], CancellationToken.None);

        var elsewhere = await harness.RunAsync(SyncReportIds.SyncInventory, Filter("NO-SUCH-LOCATION"));
        var mutationsElsewhere = harness.Mutations(SetQuantities);
        var one = await harness.RunAsync(SyncReportIds.SyncInventory, new Dictionary<string, string> { ["Location Code"] = Location, ["Item No."] = chosen.ItemNo! });

        Assert.True(elsewhere.Succeeded, elsewhere.ToString());
        Assert.Equal(0, mutationsElsewhere);
        Assert.True(one.Succeeded, one.ToString());
        Assert.Equal(501, harness.Store.GetInventoryQuantity(chosen.InventoryItemId!, location));
        Assert.Equal(otherBefore, harness.Store.GetInventoryQuantity(other.InventoryItemId!, location));
    }

    [Fact]
    public async Task SyncInventory_StoreFailsOnTheFirstRequest_NextAttemptSetsTheQuantityOnce()
    {
        await using var harness = await MappedAsync();
        var (variant, _) = await TwoVariantsAsync(harness);
        await harness.Book().UpsertStockAsync([new ErpStockInput(variant.ItemNo!, variant.VariantCode, Location, 42)], CancellationToken.None);
        harness.Store.InjectFaults(new SandboxFault(SandboxFaultKind.ServiceUnavailable));

        var failed = await harness.RunAsync(SyncReportIds.SyncInventory, Filter(Location));
        var resumed = await harness.RunAsync(SyncReportIds.SyncInventory, Filter(Location), checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(42, harness.Store.GetInventoryQuantity(variant.InventoryItemId!, harness.Store.LocationIds[0]));
        Assert.Equal(1, harness.Mutations(SetQuantities));
    }

    [Fact]
    public async Task SyncInventory_ReadOnlyShop_SkipsTheChangeAndSendsNothing()
    {
        await using var harness = await MappedAsync();
        var (variant, _) = await TwoVariantsAsync(harness);
        var before = harness.Store.GetInventoryQuantity(variant.InventoryItemId!, harness.Store.LocationIds[0]);
        await harness.Book().UpsertStockAsync([new ErpStockInput(variant.ItemNo!, variant.VariantCode, Location, (before ?? 0) + 5)], CancellationToken.None);
        await harness.UpdateShopAsync(new ShopChanges { AllowOutgoingRequests = false });

        var run = await harness.RunAsync(SyncReportIds.SyncInventory, Filter(Location));

        Assert.Equal(JobResult.SucceededWithWarnings, run.Outcome?.Result);
        Assert.Equal(1, run.Progress.Counters.Skipped);
        Assert.Equal(before, harness.Store.GetInventoryQuantity(variant.InventoryItemId!, harness.Store.LocationIds[0]));
    }

    private static Dictionary<string, string> Filter(string location) => new() { ["Location Code"] = location };

    /// <summary>A shop whose products were imported, so every variant has an ERP item.</summary>
    private static async Task<SyncTaskHarness> MappedAsync()
    {
        var harness = await SyncTaskHarness.CreateAsync(shop: new() { ItemSync = SyncDirection.FromShopify });
        var products = await harness.RunAsync(SyncReportIds.SyncProducts);
        Assert.True(products.Succeeded, products.ToString());
        return harness;
    }

    /// <summary>The seeded variant (it has a level at the first location) and a mapped variant of another item.</summary>
    private static async Task<(SyncVariantEntity Chosen, SyncVariantEntity Other)> TwoVariantsAsync(SyncTaskHarness harness)
    {
        await using var db = harness.OpenDb();
        var variants = await db.SyncVariants.Where(v => v.ItemNo != null && v.InventoryItemId != null).OrderBy(v => v.Id).ToListAsync();
        var chosen = variants.Single(v => v.ShopifyVariantId == SeededVariant);
        return (chosen, variants.First(v => v.ItemNo != chosen.ItemNo));
    }
}
