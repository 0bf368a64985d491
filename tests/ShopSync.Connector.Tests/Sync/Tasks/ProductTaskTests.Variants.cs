using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Entries;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>
/// Sync Products TO_SHOPIFY for ERP items with variants: one product, option "Variant", one Shopify variant per ERP variant,
/// in variant code order.
/// </summary>
public sealed partial class ProductTaskTests
{
    private const string ShirtTitle = "Linen Shirt";
    private const string ProductCreate = "ShopSyncProductCreate";
    private const string VariantsCreate = "ShopSyncProductVariantsBulkCreate";

    private static ErpItemInput Shirt(params ErpVariantInput[] extra) => new("SHIRT", ShirtTitle, null, null, 20m, Variants:
    [
        new ErpVariantInput("S", "Small", "SHIRT-S"),
        new ErpVariantInput("M", "Medium", "SHIRT-M", UnitPrice: 21m),
        new ErpVariantInput("L", "Large", "SHIRT-L", UnitPrice: 22m),
        .. extra,
    ]);

    [Fact]
    public async Task SyncProducts_ItemWithThreeVariants_CreatesOneProductWithMappedVariantsAndSecondRunCreatesNothing()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, run.Result);
        var productId = Assert.Single(server.Store.FindProductIds(ShirtTitle));
        var variants = server.Store.GetProductVariants(productId);
        Assert.Equal(["SHIRT-L", "SHIRT-M", "SHIRT-S"], variants.Select(v => v.Sku));
        Assert.Equal([22m, 21m, 20m], variants.Select(v => v.Price));
        Assert.Equal(["L", "M", "S"], variants.Select(v => Assert.Single(v.SelectedOptions, o => o.Key == "Variant").Value));
        await using (var db = server.OpenDb())
        {
            Assert.Equal("SHIRT", (await db.SyncProducts.SingleAsync(p => p.ShopifyProductId == productId)).ItemNo);
            var mappings = await db.SyncVariants.Where(v => v.ShopifyProductId == productId).OrderBy(v => v.Id).ToListAsync();
            Assert.Equal(variants.Select(v => (v.Id, v.InventoryItemId)), mappings.Select(m => (m.ShopifyVariantId, m.InventoryItemId!)));
            Assert.All(mappings, m => Assert.Equal("SHIRT", m.ItemNo));
            Assert.Equal(["L", "M", "S"], mappings.Select(m => m.VariantCode));
            Assert.False(await db.SyncRecordIssues.AnyAsync(i => i.RecordKey == "item:SHIRT"));
        }
        var mutations = server.Store.Requests.Count(r => r.IsMutation);

        var second = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, second.Result);
        Assert.Equal(mutations, server.Store.Requests.Count(r => r.IsMutation));
        Assert.Equal(1, server.Mutations(ProductCreate));
        Assert.Equal(1, server.Mutations(VariantsCreate));
        Assert.Equal(variants, server.Store.GetProductVariants(productId), SandboxVariantComparer.Instance);
    }

    [Fact]
    public async Task SyncProducts_VariantAddedInErpLater_CreatesOnlyThatVariantOnTheSameProduct()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);
        await server.RunAsync(SyncReportIds.SyncProducts);
        var productId = Assert.Single(server.Store.FindProductIds(ShirtTitle));
        var before = server.Store.GetProductVariants(productId);
        await server.Book().UpsertItemsAsync([Shirt(new ErpVariantInput("XL", "Extra large", "SHIRT-XL", UnitPrice: 23m))], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Equal(1, server.Mutations(ProductCreate));
        Assert.Equal(2, server.Mutations(VariantsCreate));
        var after = server.Store.GetProductVariants(productId);
        Assert.Equal(before.Select(v => v.Id).Append(after[^1].Id), after.Select(v => v.Id));
        Assert.Equal(("SHIRT-XL", 23m), (after[^1].Sku, after[^1].Price));
        await using var db = server.OpenDb();
        var added = after[^1].Id;
        Assert.Equal("XL", (await db.SyncVariants.SingleAsync(v => v.ShopifyVariantId == added)).VariantCode);
    }

    [Fact]
    public async Task SyncProducts_OnlySyncPrices_UpdatesVariantPricesAndCreatesNoVariant()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);
        await server.RunAsync(SyncReportIds.SyncProducts);
        var productId = Assert.Single(server.Store.FindProductIds(ShirtTitle));
        await server.Book().UpsertItemsAsync([Shirt(new ErpVariantInput("XL", "Extra large", "SHIRT-XL"))], CancellationToken.None);
        await server.Book().UpsertPricesAsync([new ErpPriceInput("SHIRT", "M", "", 31m), new ErpPriceInput("SHIRT", "L", "", 32m)], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts, options: new Dictionary<string, string> { ["Only Sync Prices"] = "true" });

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Equal([32m, 31m, 20m], server.Store.GetProductVariants(productId).Select(v => v.Price));
        Assert.Equal(1, server.Mutations(ProductCreate));
        Assert.Equal(1, server.Mutations(VariantsCreate));
        Assert.Equal(1, server.Mutations("ShopSyncProductVariantsBulkUpdate"));
    }

    [Fact]
    public async Task SyncProducts_HandleTakenByAnotherProduct_CreatesOwnProductWithItemHandle()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        var client = server.Services.GetRequiredService<IShopifyClientFactory>()
            .Create(new ShopifyShopConnection(SyncTaskHarness.ShopCode, SyncTaskHarness.ShopUrl, server.Store.Options.AccessToken));
        var other = (await client.CreateProductAsync(new ShopifyProductInput(Title: ShirtTitle, Status: "ACTIVE"), CancellationToken.None)).Value!;
        await client.UpdateVariantsAsync(other.Id, [new ShopifyVariantUpdate(other.Variants!.Nodes[0].Id, InventoryItem: new ShopifyInventoryItemInput(Sku: "OTHER-1"))], CancellationToken.None);
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, run.Result);
        var ours = Assert.Single(server.Store.FindProductIds(ShirtTitle), id => id != other.Id);
        Assert.Equal(["SHIRT-L", "SHIRT-M", "SHIRT-S"], server.Store.GetProductVariants(ours).Select(v => v.Sku));
        Assert.Equal(["OTHER-1"], server.Store.GetProductVariants(other.Id).Select(v => v.Sku));
        await using var db = server.OpenDb();
        Assert.Equal("SHIRT", (await db.SyncProducts.SingleAsync(p => p.ShopifyProductId == ours)).ItemNo);
    }

    [Fact]
    public async Task SyncProducts_OneItemRefused_RecordsTheUserErrorOnItAndExportsTheOthers()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertItemsAsync(
        [
            new ErpItemInput("CAP", "Clashing Cap", null, null, 5m, Variants: [new ErpVariantInput("S", "Small"), new ErpVariantInput("s", "small")]),
            Shirt(),
        ], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(1, run.Counters.Failed);
        Assert.Empty(server.Store.FindProductIds("Clashing Cap"));
        Assert.Equal(3, server.Store.GetProductVariants(Assert.Single(server.Store.FindProductIds(ShirtTitle))).Count);
        await using var db = server.OpenDb();
        var issue = await db.SyncRecordIssues.SingleAsync(i => i.RecordKey == "item:CAP");
        Assert.Equal(SyncRecordIssueKind.Failed, issue.Kind);
        Assert.Contains("option value", issue.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SyncInventory_AfterVariantsWereExported_SetsTheNewVariantsStock()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);
        await server.RunAsync(SyncReportIds.SyncProducts);
        var medium = server.Store.GetProductVariants(Assert.Single(server.Store.FindProductIds(ShirtTitle)))[1];
        await server.Book().UpsertStockAsync([new ErpStockInput("SHIRT", "M", "MAIN-WAREHOUSE", 9)], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncInventory, new Dictionary<string, string> { ["Location Code"] = "MAIN-WAREHOUSE" });

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Equal("SHIRT-M", medium.Sku);
        Assert.Equal(9, server.Store.GetInventoryQuantity(medium.InventoryItemId, server.Store.LocationIds[0]));
    }

    private sealed class SandboxVariantComparer : IEqualityComparer<SandboxVariantRecord>
    {
        public static readonly SandboxVariantComparer Instance = new();

        public bool Equals(SandboxVariantRecord? x, SandboxVariantRecord? y) =>
            x is not null && y is not null && (x.Id, x.Sku, x.Price, x.InventoryItemId) == (y.Id, y.Sku, y.Price, y.InventoryItemId) && x.SelectedOptions.SequenceEqual(y.SelectedOptions);

        public int GetHashCode(SandboxVariantRecord obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
